import Testing
@testable import Store

@Suite struct FirstSentenceTests {
    @Test(arguments: [
        ("U.S. President Donald Trump told Zelenskiy on Monday. More text.", "U.S. President Donald Trump told Zelenskiy on Monday."),
        ("Mr. Smith went to Kyiv. Then he left.", "Mr. Smith went to Kyiv."),
        ("\u{201C}We love them.\u{201D} Trump said.", "\u{201C}We love them.\u{201D}"),
        ("No terminal punctuation at all", "No terminal punctuation at all"),
        ("Talks at 3.5 percent. Next.", "Talks at 3.5 percent."),
    ])
    func firstSentence(text: String, sentence: String) {
        #expect(FirstSentence.firstSentence(of: text) == sentence)
    }

    @Test func longSentencesAreCutAtAWord() {
        let title = FirstSentence.truncate(String(repeating: "security guarantee ", count: 20), limit: 50)
        #expect(title.count <= 51)
        #expect(title == "security guarantee security guarantee security\u{2026}")
    }

    @Test func aLeadingHeadingIsTheTitle() {
        let paragraphs = [Paragraph(index: 0, text: "ALLIES MEET IN KYIV", kind: .heading, line: 1),
                          Paragraph(index: 1, text: "Body. More.", kind: .body, line: 2)]
        #expect(FirstSentence.title(of: paragraphs) == "ALLIES MEET IN KYIV")
    }
}
