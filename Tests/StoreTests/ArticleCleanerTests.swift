import Foundation
import Testing
@testable import Store

@Suite struct ArticleCleanerTests {
    @Test func byteOrderMarkIsDroppedAndReported() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Kyiv is calm today.\nAnother sentence here.".utf8)
        let cleaned = try ArticleCleaner.clean(bytes: bytes, file: "bom.txt")
        #expect(cleaned.report.byteOrderMarkRemoved)
        #expect(cleaned.paragraphs.map(\.text) == ["Kyiv is calm today.", "Another sentence here."])
    }

    @Test(arguments: [
        ("First paragraph here.\nSecond paragraph here.", CleaningReport.LineEnding.lf),
        ("First paragraph here.\r\nSecond paragraph here.\r\n", .crlf),
        ("First paragraph here.\rSecond paragraph here.", .cr),
        ("First paragraph here.\r\nSecond paragraph here.\nThird paragraph.", .mixed),
    ])
    func lineEndings(text: String, ending: CleaningReport.LineEnding) throws {
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.report.lineEnding == ending)
        #expect(cleaned.paragraphs.prefix(2).map(\.text) == ["First paragraph here.", "Second paragraph here."])
        #expect(cleaned.paragraphs.allSatisfy { !$0.text.contains("\r") })
    }

    /// A photo's caption is a paragraph of its own kind, told by what only captions carry.
    @Test(arguments: [
        ("Ministers Anna Example (L) and Jo Sample at a press conference in Riga on Tuesday.", true),
        ("Leaders say a second meeting could follow quickly. (Reuters: Jo Photographer)", true),
        ("The two delegations at the palace in Istanbul, July 23, 2025. (AA Photo)", true),
        ("The foreign minister of Latvia arriving at the chancellery in Berlin on Monday. Image: Example Agency", true),
        ("Anna Example and Jo Sample at the chancellery in Berlin. Photo: Office of the President of Latvia", true),
        ("Photo caption: The leaders shake hands on the tarmac.", true),
        // Running text with a parenthesis, an agency named in the text, a source in brackets.
        ("The ministers met in Riga (Latvia) on Tuesday and agreed on a plan.", false),
        ("Russia attacked Kyiv overnight, officials said (AFP reported 14 dead).", false),
        ("The photo of the summit was shared widely. It showed the leaders laughing.", false),
    ])
    func photoCaptionsAreTheirOwnKind(_ text: String, _ isCaption: Bool) throws {
        let cleaned = try StoreFixtures.clean("A first paragraph of the story, long enough to be running text.\n\(text)\nThe story goes on after it.")
        #expect((cleaned.paragraphs[1].kind == .caption) == isCaption, "\(text)")
        #expect(cleaned.paragraphs[1].text == text, "a caption is kept verbatim")
    }

    @Test func singleNewlinesSeparateParagraphs() throws {
        let cleaned = try StoreFixtures.clean("One short paragraph.\nTwo short paragraph.\nThree.")
        #expect(cleaned.report.paragraphBreak == .singleNewline)
        #expect(cleaned.paragraphs.count == 3)
        #expect(cleaned.paragraphs.map(\.line) == [1, 2, 3])
    }

    @Test func blankLinesSeparateParagraphs() throws {
        let cleaned = try StoreFixtures.clean("One short paragraph.\n\n\nTwo short paragraph.\n  \nThree.\n")
        #expect(cleaned.report.paragraphBreak == .blankLine)
        #expect(cleaned.paragraphs.map(\.text) == ["One short paragraph.", "Two short paragraph.", "Three."])
        #expect(cleaned.paragraphs.map(\.line) == [1, 4, 6])
    }

    @Test func hardWrappedLinesInABlankLineFileAreJoined() throws {
        let text = """
            Ukraine's president urged allies to swiftly elevate talks on security
            guarantees to the level of leaders, officials said on Friday.

            A second paragraph.
            """
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.count == 2)
        #expect(cleaned.paragraphs[0].text == "Ukraine's president urged allies to swiftly elevate talks on security guarantees to the level of leaders, officials said on Friday.")
        #expect(cleaned.paragraphs[0].kind == .body)
    }

    @Test(arguments: [
        // A headline over a longer standfirst: the standfirst's first word fits on the headline's line.
        "Kremlin rejects European troop plan as talks stall\nMoscow says any foreign deployment in Ukraine would be a legitimate target for its forces, officials said",
        // A line longer than any wrap width under it.
        "Putin calls Western troops in Ukraine legitimate targets\nThe Russian president dismissed the coalition plan a day after 26 countries pledged to take part in a postwar force",
    ])
    func linesThatAreNotAWrapStayApart(block: String) throws {
        let cleaned = try StoreFixtures.clean("\(block)\n\nA second paragraph.")
        #expect(cleaned.paragraphs.count == 3, "\(cleaned.paragraphs.map(\.text))")
    }

    @Test(arguments: [
        // A NUL run from a broken scrape, an ANSI colour code, DEL, a C1 code: dropped.
        ("Talks in Geneva\0\0\0 ended on Sunday.", "Talks in Geneva ended on Sunday.", 3),
        ("\u{1B}[1mKyiv\u{1B}[0m said no.", "[1mKyiv[0m said no.", 2),
        ("Kyiv\u{7F} said\u{9B} no.", "Kyiv said no.", 2),
        // A vertical tab, a form feed and U+0085 keep the words apart.
        ("Macron\u{0B}met\u{0C}Merz\u{85}in Berlin.", "Macron met Merz in Berlin.", 3),
        // Tab stays; an ordinary line is untouched.
        ("Kyiv\tsaid no.", "Kyiv\tsaid no.", 0),
    ])
    func controlCharactersAreRemovedAndCounted(text: String, served: String, removed: Int) throws {
        let cleaned = try ArticleCleaner.clean(bytes: Array(text.utf8), file: "controls.txt")
        #expect(cleaned.paragraphs.map(\.text) == [served])
        #expect(cleaned.report.controlCharactersRemoved == removed)
    }

    @Test func servedTextKeepsOriginalCharacters() throws {
        let text = "Zelenskyy\u{2019}s \u{201C}plan\u{201D}\u{00A0}works.\nNext."
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs[0].text == "Zelenskyy\u{2019}s \u{201C}plan\u{201D}\u{00A0}works.")
        #expect(cleaned.shadows()[0].string == "Zelenskyy's \"plan\" works.")
    }

    @Test(arguments: [
        "TRUMP UPS PRESSURE",
        "FRIENDLY TONE AFTER FEBRUARY DISASTER",
        "What comes next for Kyiv",
    ])
    func sectionSubheadsAreHeadings(heading: String) throws {
        let cleaned = try StoreFixtures.clean("Trump spoke on Monday.\n\n\(heading)\n\nThe talks went on.")
        #expect(cleaned.paragraphs.map(\.kind) == [.body, .heading, .body])
        #expect(cleaned.paragraphs[1].text == heading)
    }

    @Test(arguments: [
        "But a peace deal still appeared far from imminent.",
        "\u{201C}We love them,\u{201D}",
        "He said: \u{201C}We will remind everybody\u{201D}",
    ])
    func sentencesAreNotHeadings(line: String) throws {
        let cleaned = try StoreFixtures.clean("Trump spoke.\n\(line)")
        #expect(cleaned.paragraphs[1].kind == .body)
    }

    @Test func exactRepeatsCollapse() throws {
        let paragraph = "Zelensky acknowledged the skepticism among Ukrainians."
        let text = "Lead paragraph of the story here.\n\(paragraph)\nMiddle paragraph of the story.\n\(paragraph)\n"
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.map(\.text) == ["Lead paragraph of the story here.", paragraph, "Middle paragraph of the story."])
        #expect(cleaned.report.collapsedRepeats == [
            .init(line: 4, repeatOf: 1, truncated: false, text: paragraph),
        ])
    }

    @Test func repeatsMatchAfterNormalisation() throws {
        let text = "Zelenskyy\u{2019}s team discussed the plan at length.\nZelenskyy's  team discussed the plan at length."
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.count == 1)
        #expect(cleaned.report.collapsedRepeats.count == 1)
    }

    @Test func cutOffTrailingRepeatCollapses() throws {
        let full = "Moreover, the conflict's complexities are heightened by Ukraine's counteractions."
        let cut = "Moreover, the conflict's complexities are heigh"
        let cleaned = try StoreFixtures.clean("\(full)\nAnother paragraph follows here.\n\(cut)")
        #expect(cleaned.paragraphs.map(\.text) == [full, "Another paragraph follows here."])
        #expect(cleaned.report.collapsedRepeats.first?.truncated == true)
        #expect(cleaned.report.collapsedRepeats.first?.repeatOf == 0)
    }

    @Test func shortRepeatsAreKept() throws {
        let cleaned = try StoreFixtures.clean("UPDATE\nFirst part of the story.\nUPDATE\nSecond part.")
        #expect(cleaned.paragraphs.count == 4)
    }

    @Test(arguments: [
        ([UInt8](arrayLiteral: 0x41, 0x42, 0xFF, 0x43), 2),
        ([0x41, 0xC3, 0x28], 1),
        ([0x0A, 0x41, 0xE2, 0x82], 2),
        ([0xED, 0xA0, 0x80], 0),
        ([0xC0, 0xAF], 0),
    ])
    func invalidUTF8ReportsTheFirstBadByte(bytes: [UInt8], offset: Int) {
        do {
            _ = try ArticleCleaner.clean(bytes: bytes, file: "bad.txt")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            guard case .invalidUTF8(let location, let byteOffset) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(byteOffset == offset)
            #expect(location.file == "bad.txt")
            #expect(error.description.contains("offset \(offset)"))
        }
    }

    @Test func emptyAndBlankFilesHaveNoParagraphs() throws {
        #expect(try ArticleCleaner.clean(bytes: [], file: "e.txt").paragraphs.isEmpty)
        #expect(try StoreFixtures.clean(" \n\r\n\u{00A0}\n").paragraphs.isEmpty)
    }

    @Test func fiftyKilobyteLineRepeatedCollapsesToOne() throws {
        let sentence = "Zelenskiy urged allies to elevate talks on security guarantees. "
        let line = String(repeating: sentence, count: 50_000 / sentence.utf8.count + 1)
        let cleaned = try StoreFixtures.clean(line + "\n" + line + "\nEnd.")
        #expect(cleaned.paragraphs.count == 2)
        #expect(cleaned.report.collapsedRepeats.count == 1)
    }

    /// Load speed is measured in bench/ (scale.sh), never with a clock in a unit test.
    @Test func manyParagraphsAreAllKept() throws {
        let text = (0..<5_000).map { "Paragraph number \($0) talks about Kyiv and Moscow at some length." }.joined(separator: "\n")
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.count == 5_000)
    }
}
