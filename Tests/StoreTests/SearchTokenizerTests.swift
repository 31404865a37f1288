import Testing

@testable import Store

@Suite("SearchTokenizer")
struct SearchTokenizerTests {
    private func terms(_ text: String) -> [String] {
        var tokenizer = SearchTokenizer()
        return tokenizer.terms(in: text)
    }

    @Test(
        "normalisation table",
        arguments: [
            ("Ukraine", ["ukraine"]),
            ("UKRAINE ukraine UkRaInE", ["ukraine", "ukraine", "ukraine"]),
            ("Zelenskyy", ["zelenskyy"]),
            ("Zélensky", ["zelensky"]),
            ("Ze\u{301}lensky", ["zelensky"]),  // decomposed é
            ("Łódź Gdańsk Søren Straße Æsir", ["lodz", "gdansk", "soren", "strasse", "aesir"]),
            ("Russia's war", ["russia", "war"]),
            ("Russia’s war", ["russia", "war"]),
            ("RUSSIA’S", ["russia"]),
            ("allies' troops", ["ally", "troop"]),
            ("don't O’Brien", ["dont", "obrien"]),
            ("it’s that’s", ["it", "that"]),
            ("U.S. President", ["us", "president"]),
            ("the U.S.", ["the", "us"]),
            ("U.S.-led", ["us", "led"]),
            ("U.N. and E.U.", ["un", "and", "eu"]),
            ("e.g. this", ["eg", "this"]),
            ("Mr. Smith", ["mr", "smith"]),
            ("plan B. Then", ["plan", "b", "then"]),
            ("1.5 billion", ["1", "5", "billion"]),
            ("$90 billion", ["90", "billion"]),
            ("10,000 troops", ["10", "000", "troop"]),
            ("NATO-like in-depth", ["nato", "like", "in", "depth"]),
            ("“more concrete”", ["more", "concrete"]),
            ("Article 5", ["article", "5"]),
            ("Зеленський", ["зеленськии"]),
            ("", []),
            ("  ... — !!", []),
            ("a", ["a"]),
        ] as [(String, [String])]
    )
    func normalisation(text: String, expected: [String]) {
        // The table gives the folded words; every term is then stemmed (SearchStemmerTests).
        let stemmer = SearchStemmer()
        #expect(terms(text) == expected.map { stemmer.stem($0) })
    }

    @Test("byte ranges cover the original characters, possessive and acronym dots included")
    func ranges() {
        var tokenizer = SearchTokenizer()
        let text = "Zélensky’s U.S. visit."
        let tokens = tokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        let slices = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        let stemmer = SearchStemmer()
        #expect(tokens.map(\.term) == ["zelensky", "us", "visit"].map { stemmer.stem($0) })
        #expect(slices == ["Zélensky’s", "U.S.", "visit"])
    }

    @Test(
        "ranges alone (for snippets; the index keeps none) are the ranges of the full tokens",
        arguments: [
            "Zélensky’s U.S. visit.", "e.g. the E.U.'s allies' “guarantees”", "Ṡcholz met Erdoğan in İstanbul",
            "decomposed Ze\u{301}lensky, 10,000 troops; NATO-like", "’s A. 'x' . ł ø æ œ đ ı þ", "",
        ]
    )
    func rangesAlone(text: String) {
        var tokenizer = SearchTokenizer()
        let full = tokenizer.tokens(in: text).map { [$0.start, $0.end] }
        var alone: [[Int]] = []
        var copy = text
        copy.withUTF8 { bytes in
            var fresh = SearchTokenizer()
            fresh.forEachTokenRange(in: bytes) { alone.append([$0, $1]) }
        }
        #expect(alone == full)
    }

    @Test("a lone apostrophe or dot at the edges is not a token")
    func edges() {
        #expect(terms("'quoted' .") == [SearchStemmer().stem("quoted")])
        #expect(terms("’s") == ["s"])
        #expect(terms("A.") == ["a"])
    }
}
