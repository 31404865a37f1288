import Testing
@testable import Store

@Suite struct BoilerplateDetectorTests {
    static let lead = "Ukraine is set to hold talks with allies on Friday."

    @Test(arguments: [
        ("Also Read: Zelensky Lauds India's Role in Ukraine Peace Efforts", StrippedBlock.Kind.inlineLink),
        ("ALSO READ - Trump threatens consequences", .inlineLink),
        ("Related: Europe weighs troop plan", .inlineLink),
        ("Read more | Kyiv after the strikes", .inlineLink),
        ("What is your opinion on this topic?", .commentPrompt),
        ("Leave the first comment", .commentPrompt),
        ("Leave a comment", .commentPrompt),
        ("12 comments", .commentPrompt),
        ("Source: Reuters", .sourceCredit),
        ("(Sources: AP, AFP)", .sourceCredit),
        ("--Agencies", .agencyTrailer),
        ("\u{2014} Agencies", .agencyTrailer),
        ("- IANS", .agencyTrailer),
        ("(AFP)", .agencyTrailer),
        ("(Reporting by Tom Balmforth; Editing by Mark Heinrich)", .reportingCredit),
        ("With inputs from agencies", .reportingCredit),
        ("France 24 with AFP and Reuters", .sourceCredit),
        ("This website uses cookies to analyse traffic. By continuing to browse you accept our cookie policy. OK", .siteNotice),
        ("Get the morning briefing: subscribe to our newsletter \u{00B7} Sign up", .siteNotice),
        ("Please contact us for subscription options.", .siteNotice),
        ("Photo: Example Agency / Jane Doe", .siteNotice),
        ("Tags NATO Ukraine Lithuania", .siteNotice),
        ("\u{00A9} 2026 The Moscow Times. All rights reserved.", .siteNotice),
        ("This material may not be published, broadcast, rewritten or redistributed.", .siteNotice),
        ("Citing materials is allowed only with a hyperlink to the source, which is mandatory.", .siteNotice),
        ("Advertisement", .siteNotice),
        ("Skip to main content", .siteNotice),
        ("Mediazona is an independent outlet. Support Mediazona\u{2019}s journalism", .siteNotice),
        ("World | U.S. | Politics | Economy", .siteNotice),
        ("Swiss news in 10 languages | Politics | Foreign Affairs | Business", .siteNotice),
        ("A version of this article appears in print on March 3, 2026, Section A, Page 1.", .siteNotice),
        ("Follow Example Pravda on Telegram and X", .siteNotice),
        ("If you notice an error, select the required text and press Ctrl+Enter.", .siteNotice),
        ("This story was originally published by Example Radio.", .sourceCredit),
        // A donation pitch, and a site's tagline under its name.
        ("Support EP or become our patron!", .siteNotice),
        ("The Baltics' leading independent news source since 2009", .siteNotice),
    ])
    func singleLineRules(line: String, kind: StrippedBlock.Kind) throws {
        let cleaned = try StoreFixtures.clean("\(Self.lead)\n\(line)\nThe talks continue next week in Kyiv.")
        #expect(cleaned.paragraphs.map(\.text) == [Self.lead, "The talks continue next week in Kyiv."])
        #expect(cleaned.stripped == [StrippedBlock(kind: kind, text: line, line: 2)])
    }

    @Test(arguments: [
        "Source of the leak remained unclear, officials said.",
        "Related talks will follow in Geneva next month.",
        "Also, read the statement released by the Kremlin.",
        "- Ukraine wants guarantees; Russia refuses them.",
        "Leave a comment like that and you will be banned, he joked.",
        "Workers at the cookie factory in Kharkiv were told to accept shelter elsewhere, the mayor said.",
        "Soldiers who subscribe to the service can sign up at any post office, the ministry said.",
        "Zelensky urged allies to support independent journalism in the occupied territories.",
        "Macron met Starmer with Merz and Tusk in Paris.",
        "Share prices in Moscow fell on Monday.",
        "Zelensky will follow the talks on television, aides said.",
        "He said the U.S. was ready. Europe was not.",
        "A Russian news agency said the talks would resume in Istanbul on Monday.",
        // A date line with its byline and section is no menu.
        "World | Jo Writer | Politics | 10:05, March 6, 2026",
        "Politics | Europe | Jo Writer | 6 March 2026",
    ])
    func articleSentencesSurvive(line: String) throws {
        let cleaned = try StoreFixtures.clean("\(Self.lead)\n\(line)")
        #expect(cleaned.stripped.isEmpty)
        #expect(cleaned.paragraphs.count == 2)
    }

    @Test func timestampedSidebarIsStrippedUpToTheNextNonTeaser() throws {
        let text = """
            \(Self.lead)
            Read next
            08:42
            North Korean troops
            Around 600 North Korean soldiers have been killed, lawmakers said.
            07:45
            Biden-era AI chip
            The administration is reviewing a rule on chips.
            What is your opinion on this topic?
            Leave the first comment
            """
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.map(\.text) == [Self.lead])
        #expect(cleaned.stripped.map(\.kind) == [.relatedLinks, .commentPrompt, .commentPrompt])
        #expect(cleaned.stripped[0].line == 2)
        #expect(cleaned.stripped[0].text.split(separator: "\n").count == 7)
    }

    @Test func timestampedSidebarStopsAtAnUntimedParagraph() throws {
        let text = """
            \(Self.lead)
            Read next
            08:42
            Teaser title
            Teaser blurb that goes on for a while.
            The article resumes here with a long sentence that is not a teaser at all.
            """
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.map(\.text) == [Self.lead, "The article resumes here with a long sentence that is not a teaser at all."])
    }

    @Test func untimedSidebarOfTitles() throws {
        let text = "\(Self.lead)\n\nYou May Also Like\n\nEurope weighs troop plan\n\nKyiv counts the cost\n"
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.paragraphs.map(\.text) == [Self.lead])
        #expect(cleaned.stripped.map(\.kind) == [.relatedLinks])
        #expect(cleaned.stripped[0].text == "You May Also Like\nEurope weighs troop plan\nKyiv counts the cost")
    }

    @Test func sidebarHeaderFollowedByArticleTextOnlyStripsTheHeader() throws {
        let cleaned = try StoreFixtures.clean("\(Self.lead)\nRelated\nThe article goes on with a full sentence about the talks.")
        #expect(cleaned.paragraphs.count == 2)
        #expect(cleaned.stripped.map(\.text) == ["Related"])
    }

    @Test(arguments: ["08:42", "8:42 pm", "2025-08-18", "5 hours ago"])
    func timestamps(text: String) {
        #expect(LineShape.isTimestamp(Array(text.unicodeScalars)))
    }
}
