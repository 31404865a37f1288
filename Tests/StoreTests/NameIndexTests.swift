import Testing
@testable import Store

@Suite struct NameIndexTests {
    static let base: KnowledgeBase = KnowledgeBaseTests.base

    @Test(arguments: [
        ("Zelenskiy", "Zelenskiy", EntityMatch.Source.alias),
        ("Zelenskyy", "Zelenskyy", .alias),
        ("zelensky", "Zelensky", .alias),
        ("ZELENSKY", "Zelensky", .alias),
        ("Zelenský", "Zelensky", .alias),
        ("volodymyr-zelensky", "volodymyr-zelensky", .id),
        ("  Volodymyr   Zelensky ", "Volodymyr Zelensky", .name),
        ("the ukrainian president", "the Ukrainian president", .alias),
        ("Zelensky's", "Zelensky", .alias),
    ])
    func spellingsResolveToOnePerson(query: String, matched: String, source: EntityMatch.Source) throws {
        let match = try #require(Self.base.resolve(name: query))
        #expect(match.entity.id == "volodymyr-zelensky")
        #expect(match.matched == matched)
        #expect(match.source == source)
    }

    @Test(arguments: ["us", "U.S.", "united states"])
    func acronymsResolve(query: String) {
        #expect(Self.base.resolve(name: query)?.entity.id == "united-states")
    }

    @Test func unknownNamesAreNil() {
        #expect(Self.base.resolve(name: "Atlantis") == nil)
        #expect(Self.base.resolve(name: "") == nil)
    }

    @Test(arguments: [("Łódź", "lodz"), ("Straße", "strasse"), ("Zelenskyy\u{2019}s", "zelenskyy's"), ("Kyïv", "kyiv")])
    func folding(text: String, folded: String) {
        #expect(NameIndex.fold(text) == folded)
    }

    /// The shortcut for keys already folded (lowercase ASCII letters, digits, '-', '.') gives
    /// what the full Unicode folding gives, for every string of up to three such bytes.
    @Test func alreadyFoldedKeysAreLeftAsTheFullFoldingLeavesThem() {
        let alphabet = ["a", "z", "0", "9", "-", "."]
        var strings = [""]
        for _ in 0..<3 { strings += strings.flatMap { prefix in alphabet.map { prefix + $0 } } }
        for text in Set(strings) {
            #expect(NameIndex.fold(text) == DiacriticFolding.fold(ShadowText.normalize(text)), "\(text)")
        }
        #expect(NameIndex.fold("volodymyr-zelensky") == DiacriticFolding.fold(ShadowText.normalize("volodymyr-zelensky")))
    }
}
