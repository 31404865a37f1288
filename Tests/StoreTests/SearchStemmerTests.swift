import Testing

@testable import Store

/// Snowball English through libstemmer: the forms an analyst types meet the forms the news uses.
@Suite("SearchStemmer")
struct SearchStemmerTests {
    /// A stemmer per test: they are not thread-safe, and tests run in parallel.
    let stemmer = SearchStemmer()

    @Test(
        "inflections meet",
        arguments: [
            ["call", "calls", "called", "calling"], ["train", "training", "trained"],
            ["guarantee", "guarantees", "guaranteed"], ["country", "countries"], ["ally", "allies"],
            ["talk", "talks", "talked"], ["negotiation", "negotiations"], ["meet", "meeting", "meetings"],
            ["sanction", "sanctions", "sanctioned"], ["speech", "speeches"], ["force", "forces"],
            ["propose", "proposed", "proposes"], ["ceasefire", "ceasefires"],
        ]
    )
    func inflectionsMeet(_ forms: [String]) {
        let stems = Set(forms.map { stemmer.stem($0) })
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test("different words stay apart", arguments: [("us", "use"), ("news", "new"), ("general", "generic"), ("press", "president")])
    func differentWordsStayApart(_ pair: (String, String)) {
        #expect(stemmer.stem(pair.0) != stemmer.stem(pair.1))
    }

    @Test("short words, numbers and non-ASCII words survive")
    func unchanged() {
        for word in ["us", "5", "kyiv", "éés"] {
            #expect(!stemmer.stem(word).isEmpty)
        }
        #expect(stemmer.stem("us") == "us")
        #expect(stemmer.stem("2025") == "2025")
    }
}
