import Foundation
import Testing

@testable import Store

@Suite("SearchSnippetBuilder")
struct SearchSnippetBuilderTests {
    private func snippet(_ text: String, _ query: String) throws -> String {
        let index = SearchIndex(documents: [SearchDocument(id: "d", kind: "article", fields: [SearchField(name: "body", text: text)])])
        let results = try index.search(query)
        try #require(results.count == 1)
        return results[0].snippet
    }

    /// The snippet with marks, entities and ellipses undone.
    private func plain(_ snippet: String) -> String {
        var text = snippet
        for (entity, character) in [("<mark>", ""), ("</mark>", ""), ("…", ""), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    @Test("a short field is quoted whole with every match marked")
    func wholeField() throws {
        #expect(try snippet("Trump met Putin in Alaska; Alaska talks followed.", "alaska")
            == "Trump met Putin in <mark>Alaska</mark>; <mark>Alaska</mark> talks followed.")
    }

    @Test("marks wrap the exact original characters")
    func originalCharacters() throws {
        #expect(try snippet("President Zélensky’s office and the U.S. envoy.", "zelensky us")
            == "President <mark>Zélensky’s</mark> office and the <mark>U.S.</mark> envoy.")
        #expect(try snippet("Allies offered security guarantees, Security Guarantees!", "\"security guarantees\"")
            == "Allies offered <mark>security guarantees</mark>, <mark>Security Guarantees</mark>!")
        #expect(try snippet("NATO-like commitments", "nato-like") == "<mark>NATO-like</mark> commitments")
    }

    @Test("HTML is escaped outside and inside marks")
    func escaping() throws {
        #expect(try snippet("Leaders said \"<b>peace</b>\" & more in Alaska.", "alaska")
            == "Leaders said &quot;&lt;b&gt;peace&lt;/b&gt;&quot; &amp; more in <mark>Alaska</mark>.")
        #expect(try snippet("Deal with AT&T <now>", "\"at&t\"") == "Deal with <mark>AT&amp;T</mark> &lt;now&gt;")
    }

    @Test("a long field is cut at word boundaries with ellipses at both cut ends")
    func longField() throws {
        let filler = (1...40).map { "word\($0)" }.joined(separator: " ")
        let text = filler + " the Alaska summit ended. " + filler
        let result = try snippet(text, "alaska")
        #expect(result.hasPrefix("…"))
        #expect(result.hasSuffix("…"))
        #expect(result.contains("<mark>Alaska</mark>"))
        let quoted = plain(result)
        #expect(quoted.count <= 170 && quoted.count >= 120)
        #expect(text.contains(quoted))
        // Cut at word boundaries: the quoted text starts and ends with whole words.
        #expect(text.contains(" " + quoted + " "))
    }

    @Test("a long paragraph is tokenized only as far as the window needs, with the same snippet")
    func longParagraphOfOneLetterWords() throws {
        // One-letter words: the most tokens a window of 160 scalars can hold after its match.
        let letters = (0..<5_000).map { _ in "x" }.joined(separator: " ")
        let text = letters + " the Alaska summit " + letters
        let result = try snippet(text, "alaska")
        #expect(result.hasPrefix("…") && result.hasSuffix("…"))
        #expect(result.contains("<mark>Alaska</mark>"))
        let quoted = plain(result)
        #expect(quoted.count <= 160 && quoted.count >= 150)
        #expect(text.contains(" " + quoted + " "))
        let atStart = try snippet("Alaska " + letters, "alaska")
        #expect(atStart.hasPrefix("<mark>Alaska</mark> x x"))
        #expect(plain(atStart).count >= 150)
    }

    @Test("a match at the very start or end of a field has no ellipsis on that side")
    func fieldEdges() throws {
        let filler = (1...60).map { "word\($0)" }.joined(separator: " ")
        let atStart = try snippet("Alaska hosted the summit. " + filler, "alaska")
        #expect(atStart.hasPrefix("<mark>Alaska</mark> hosted the summit. word1"))
        #expect(atStart.hasSuffix("…"))
        let atEnd = try snippet(filler + " and then Alaska.", "alaska")
        #expect(atEnd.hasPrefix("…"))
        #expect(atEnd.hasSuffix("and then <mark>Alaska</mark>."))
        #expect(try snippet("Alaska", "alaska") == "<mark>Alaska</mark>")
        #expect(try snippet("  “Alaska”  ", "alaska") == "“<mark>Alaska</mark>”")
    }

    @Test("the window prefers the place where the most query clauses meet")
    func bestWindow() throws {
        let filler = (1...60).map { "word\($0)" }.joined(separator: " ")
        let text = "Alaska was mentioned first. " + filler + " Later Putin arrived in Alaska for talks. " + filler
        let result = try snippet(text, "alaska putin")
        #expect(result.contains("<mark>Putin</mark> arrived in <mark>Alaska</mark>"))
        #expect(!result.contains("mentioned first"))
    }

    @Test("punctuation next to the cut stays with its word")
    func punctuation() throws {
        let filler = (1...60).map { "word\($0)" }.joined(separator: " ")
        let result = try snippet("(Alaska) \"talks\" " + filler, "talks")
        #expect(result.hasPrefix("(Alaska) &quot;<mark>talks</mark>&quot; word1"))
    }
}
