import Testing
@testable import Store

/// The person and organisation patterns on names written the way other outlets write them
/// (own sentences; the catalog here knows only Andriy Yermak).
@Suite struct EntityPatternFinderTests {
    static let finder = EntityPatternFinder(entities: [MentionDetectorTests.entity("andriy-yermak", "Andriy Yermak", aliases: ["Yermak"])])

    static func names(_ paragraph: String) -> [String] {
        finder.findings(in: paragraph, article: "a").map(\.name)
    }

    @Test(arguments: [
        // An honorific belongs to neither the title nor the name.
        ("Britain's Prime Minister Sir Keir Starmer flew to Kyiv on Sunday.", ["Keir Starmer"]),
        ("Sir Keir Starmer and Emmanuel Macron chaired the call.", ["Keir Starmer"]),
        ("Defence Secretary Mr John Healey met his counterpart.", ["John Healey"]),
        // A Korean given name's lowercase syllable after a hyphen is part of the name.
        ("Putin met North Korean leader Kim Jong-un in Beijing.", ["Kim Jong-un"]),
        ("Chancellor Jean-Noel Example spoke first.", ["Jean-Noel Example"]),
        // A name ends with its sentence.
        ("The Russian side was led by presidential aide Vladimir Medinsky. Turkish diplomats hosted it.", ["Vladimir Medinsky"]),
    ])
    func people(_ paragraph: String, _ expected: [String]) {
        #expect(Self.names(paragraph) == expected)
    }

    /// A non-breaking space or a tab inside a name is a space: one person, however typed. Each
    /// finding quotes its own sentence, also among thousands in one paragraph.
    @Test func spacesInsideANameArePlainAndEachQuoteIsItsSentence() {
        let findings = Self.finder.findings(in: "Defence Secretary Pete\u{A0}Hegseth spoke. Defence Secretary Pete\tHegseth left.", article: "a")
        #expect(findings.map(\.name) == ["Pete Hegseth", "Pete Hegseth"])
        #expect(findings.map(\.quote) == ["Defence Secretary Pete\u{A0}Hegseth spoke.", "Defence Secretary Pete\tHegseth left."])
        let many = (0..<3_000).map { "Spokeswoman Maria Example\($0) said." }.joined(separator: " ")
        let found = Self.finder.findings(in: many, article: "a")
        #expect(found.count == 3_000)
        #expect(found.last?.quote == "Spokeswoman Maria Example2999 said.")
    }

    @Test(arguments: [
        // A person named right after the organisation's head word is not part of its name.
        ("The delegation included the head of the Presidential Office Mykola Example and two generals.", ["Presidential Office"]),
        // Nor is a person the catalog knows, after a complement.
        ("He spoke with the Office of the President Andriy Yermak on Friday.", ["Office of the President"]),
        ("Ministers met at the Coalition of the Willing summit.", ["Coalition of the Willing"]),
        // A day or a month after the name dates it ("on" stays a joint inside a name).
        ("Zelensky is scheduled to address the General Assembly on Wednesday afternoon.", ["General Assembly"]),
        ("Diplomats said the North Atlantic Council Tuesday would hear Estonia.", ["North Atlantic Council"]),
        ("She testified before the Committee on Foreign Affairs in Sept. on the plan.", ["Committee on Foreign Affairs"]),
    ])
    func organisations(_ paragraph: String, _ expected: [String]) {
        #expect(Self.names(paragraph) == expected)
    }
}

extension EntityPatternFinderTests {
    /// An extracted entity's id folds letters to their base ("ł" is "l"), rather than breaking the word.
    @Test(arguments: [
        ("Władysław Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"),
        ("Gitanas Nausėda", "gitanas-nauseda"),
        ("Søren Østergaard", "soren-ostergaard"),
        ("Kim Jong-un", "kim-jong-un"),
    ])
    func idsFoldLetters(_ name: String, _ id: String) {
        #expect(SeedAssembler.slug(name) == id)
    }
}
