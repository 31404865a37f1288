import Testing

@testable import Store

@Suite("SearchStemmer")
struct SearchStemmerTests {
    @Test(
        "plural table",
        arguments: [
            ("guarantees", "guarantee"), ("guarantee", "guarantee"),
            ("countries", "country"), ("country", "country"),
            ("allies", "ally"), ("talks", "talk"), ("leaders", "leader"),
            ("ceasefires", "ceasefire"), ("negotiations", "negotiation"),
            ("classes", "class"), ("witnesses", "witness"),
            ("speeches", "speech"), ("pushes", "push"), ("taxes", "tax"),
            ("ties", "tie"), ("days", "day"), ("forces", "force"),
        ]
    )
    func plurals(word: String, stem: String) {
        #expect(SearchStemmer.stem(word) == stem)
    }

    @Test(
        "words that must not be mangled",
        arguments: [
            "us", "news", "class", "paris", "its", "this", "status", "analysis",
            "gas", "bus", "was", "has", "always", "perhaps", "series", "press", "kyiv", "5",
        ]
    )
    func unchanged(word: String) {
        #expect(SearchStemmer.stem(word) == word)
    }

    @Test("non-ASCII words count scalars, not bytes")
    func nonASCII() {
        #expect(SearchStemmer.stem("éés") == "éés")
        #expect(SearchStemmer.stem("zółws") == "zółw")
    }
}
