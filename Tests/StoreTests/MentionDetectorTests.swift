import Testing
@testable import Store

@Suite struct MentionDetectorTests {
    static func entity(_ id: String, _ name: String, _ kind: Entity.Kind = .person, aliases: [String] = []) -> Entity {
        Entity(id: id, kind: kind, name: name, aliases: aliases.map { Alias(text: $0, kind: .shortForm) },
               description: nil, wikidata: nil, coordinates: nil, country: nil, enrichment: [], origin: .curated)
    }

    static let catalog = [
        entity("vladimir-putin", "Vladimir Putin", aliases: ["Putin"]),
        entity("volodymyr-zelensky", "Volodymyr Zelensky", aliases: ["Zelensky", "Zelenskiy", "Zelenskyy", "the Ukrainian president"]),
        entity("united-states", "United States", .country, aliases: ["US", "U.S."]),
        entity("russia", "Russia", .country),
        entity("nato", "NATO", .organisation),
        entity("donald-trump", "Donald Trump", aliases: ["Trump"]),
        entity("white-house", "White House", .place),
    ]

    static func detect(_ text: String, kind: Paragraph.Kind = .body) -> [Mention] {
        let paragraph = Paragraph(index: 0, text: text, kind: kind, line: 1)
        return MentionDetector(entities: catalog).mentions(in: paragraph, article: "a")
    }

    /// A title and a name of one entity are one mention; a name written again and again stays a
    /// mention each time (joining them word by word rebuilt the text each time: quadratic).
    @Test func aRepeatedNameIsAMentionEachTime() {
        let repeated = Self.detect(String(repeating: "Putin ", count: 2_000))
        #expect(repeated.count == 2_000)
        #expect(repeated.allSatisfy { $0.text == "Putin" && $0.end - $0.start == 5 })
        let titled = Self.detect("The Ukrainian president Volodymyr Zelensky Zelensky spoke.")
        #expect(titled.count == 2 && titled.first?.text.hasSuffix("president Volodymyr Zelensky") == true && titled.last?.text == "Zelensky",
                "\(titled.map(\.text))")
    }

    @Test func longestMatchWins() {
        let mentions = Self.detect("President Vladimir Putin met Putin's envoy.")
        #expect(mentions.map(\.entity) == ["vladimir-putin", "vladimir-putin"])
        #expect(mentions.map(\.text) == ["Vladimir Putin", "Putin"])
        #expect(mentions.map(\.alias) == ["Vladimir Putin", "Putin"])
    }

    @Test(arguments: [
        ("Russia's war", "Russia"),
        ("Russia\u{2019}s war", "Russia"),
        ("Zelenskyy\u{2019}s team", "Zelenskyy"),
        ("a Putin-Zelenskiy meeting", "Putin"),
        ("the U.S.-brokered halt", "U.S."),
        ("NATO\u{2019}s Article 5", "NATO"),
    ])
    func possessivesAndHyphensAreWordBoundaries(text: String, first: String) {
        #expect(Self.detect(text).first?.text == first)
    }

    @Test(arguments: [
        ("Russian troops advanced.", 0),
        ("Trumpism is not a word here.", 0),
        ("Ask us about it.", 0),
        ("The US and the U.S. are one.", 2),
        ("Nato is spelt in capitals here.", 0),
        ("the ukrainian president spoke", 0),
    ])
    func wholeWordsAndCase(text: String, count: Int) {
        #expect(Self.detect(text).count == count)
    }

    @Test func lowercaseAliasAlsoMatchesAtSentenceStart() {
        let mentions = Self.detect("The Ukrainian president said so, and the Ukrainian president left.")
        #expect(mentions.count == 2)
        #expect(mentions.allSatisfy { $0.entity == "volodymyr-zelensky" })
    }

    @Test func allCapitalsHeadingsMatchAnyAlias() {
        let heading = Self.detect("TRUMP UPS PRESSURE ON PUTIN AND THE US", kind: .heading)
        #expect(heading.map(\.entity) == ["donald-trump", "vladimir-putin", "united-states"])
        #expect(Self.detect("TRUMP UPS PRESSURE", kind: .body).isEmpty)
    }

    /// Tokens with scalars beyond ASCII take the other lookup (their matching key, not their bytes):
    /// marks are stripped and either normal form matches, in a body and in an all-capitals heading.
    @Test func tokensBeyondASCIIMatchByTheirKey() {
        let catalog = Self.catalog + [Self.entity("elysee", "Élysée Palace", .place)]
        let detect = { (text: String, kind: Paragraph.Kind) in
            MentionDetector(entities: catalog).mentions(in: Paragraph(index: 0, text: text, kind: kind, line: 1), article: "a")
        }
        #expect(detect("Zélensky met aides at the Ély\u{0301}sée Palace.", .body).map(\.entity) == ["volodymyr-zelensky", "elysee"])
        #expect(detect("Z\u{0065}\u{0301}lensky spoke.", .body).map(\.text) == ["Z\u{0065}\u{0301}lensky"])
        #expect(detect("ZÉLENSKY AT THE ÉLYSÉE PALACE", .heading).map(\.entity) == ["volodymyr-zelensky", "elysee"])
        #expect(detect("ZÉLENSKY AT THE ÉLYSÉE PALACE", .body).isEmpty)
    }

    @Test func offsetsRoundTripThroughTheServedText() {
        let text = "\u{201C}Zelenskiy\u{201D}\u{00A0}met  Donald\u{00A0}Trump\u{00A0}\u{2014} and the White House\u{2019}s staff."
        let paragraph = Paragraph(index: 0, text: text, kind: .body, line: 1)
        let mentions = MentionDetector(entities: Self.catalog).mentions(in: paragraph, article: "a")
        #expect(mentions.map(\.text) == ["Zelenskiy", "Donald\u{00A0}Trump", "White House"])
        let scalars = Array(text.unicodeScalars)
        for mention in mentions {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            #expect(paragraph.excerpt(start: mention.start, end: mention.end) == mention.text)
        }
    }

    @Test func conflictingAliasesKeepTheFirstEntity() {
        let detector = MentionDetector(entities: [
            Self.entity("washington", "Washington", .place),
            Self.entity("united-states", "United States", .country, aliases: ["Washington"]),
        ])
        #expect(detector.conflicts == [.init(entity: "united-states", aliasIndex: 1, keptFor: "washington")])
    }

    @Test func detectionFindsEveryMentionInALongTextWithALargeCatalog() {
        let catalog = (0..<2_000).map { Self.entity("person-\($0)", "Person Number\($0)") } + Self.catalog
        let detector = MentionDetector(entities: catalog)
        let text = String(repeating: "Putin met Zelenskiy and Person Number7 in the White House. ", count: 1_000)
        let mentions = detector.mentions(in: Paragraph(index: 0, text: text, kind: .body, line: 1), article: "a")
        #expect(mentions.count == 4_000)
    }
}
