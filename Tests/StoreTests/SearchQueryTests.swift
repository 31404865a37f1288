import Testing

@testable import Store

@Suite("SearchQuery")
struct SearchQueryTests {
    @Test(
        "parsing table",
        arguments: [
            ("alaska", [.term("alaska")]),
            ("Security Guarantees", [.term("security"), .term("guarantee")]),
            ("\"security guarantees\"", [.phrase(["security", "guarantee"])]),
            ("“security guarantees” Ukraine’s", [.phrase(["security", "guarantee"]), .term("ukraine")]),
            ("the talks of the leaders", [.term("talk"), .term("leader")]),
            ("\"end of the war\"", [.phrase(["end", "of", "the", "war"])]),
            ("\"the\"", [.term("the")]),
            ("NATO-like U.S.", [.phrase(["nato", "like"]), .term("us")]),
            ("talks talk TALKS", [.term("talk")]),
            ("\"unclosed phrase here", [.phrase(["unclosed", "phrase", "here"])]),
            ("\"\" kyiv \"!!\"", [.term("kyiv")]),
        ] as [(String, [SearchQuery.Clause])]
    )
    func parsing(text: String, clauses: [SearchQuery.Clause]) throws {
        // The table gives folded words; the query holds their stems.
        let stemmer = SearchStemmer()
        let stemmed = clauses.map { clause -> SearchQuery.Clause in
            switch clause {
            case .term(let term): return .term(stemmer.stem(term))
            case .phrase(let terms): return .phrase(terms.map { stemmer.stem($0) })
            case .anyOf(let alternatives): return .anyOf(alternatives.map { $0.map { stemmer.stem($0) } })
            }
        }
        #expect(try SearchQuery(parsing: text).clauses == stemmed)
    }

    @Test("empty, punctuation-only and stop-word-only queries are an error", arguments: ["", "   ", "?!", "\"\"", "the of and", "it's"])
    func empty(text: String) {
        #expect(throws: SearchError.emptyQuery) { try SearchQuery(parsing: text) }
    }

    @Test("limits")
    func limits() {
        let long = String(repeating: "a", count: SearchQuery.maximumBytes + 1)
        #expect(throws: SearchError.queryTooLong(maximumBytes: SearchQuery.maximumBytes)) {
            try SearchQuery(parsing: long)
        }
        let many = (0...SearchQuery.maximumClauses).map { "w\($0)" }.joined(separator: " ")
        #expect(throws: SearchError.tooManyClauses(maximum: SearchQuery.maximumClauses)) {
            try SearchQuery(parsing: many)
        }
    }
}
