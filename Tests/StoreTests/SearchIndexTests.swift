import Testing

@testable import Store

/// Builds a document with an optional weight-3 title and weight-1 body paragraphs.
private func searchDocument(_ id: String, kind: String = "article", title: String? = nil, body: [String]) -> SearchDocument {
    var fields: [SearchField] = []
    if let title { fields.append(SearchField(name: "title", text: title, weight: 3)) }
    fields += body.map { SearchField(name: "body", text: $0, weight: 1) }
    return SearchDocument(id: id, kind: kind, fields: fields)
}

@Suite("SearchIndex")
struct SearchIndexTests {
    private func ids(_ index: SearchIndex, _ query: String, kinds: Set<String>? = nil) throws -> [String] {
        try index.search(query, kinds: kinds).ids
    }

    @Test("a title match and more occurrences rank higher")
    func ranking() throws {
        let index = SearchIndex(documents: [
            searchDocument("body-once", title: "Talks in Europe", body: ["Leaders met; alaska was mentioned once in passing today."]),
            searchDocument("title", title: "Alaska summit", body: ["Leaders met and talked for hours about many things today."]),
            searchDocument("body-twice", title: "Talks in Europe", body: ["Alaska and alaska again, said the leaders at noon today."]),
            searchDocument("none", title: "Other", body: ["Nothing relevant in this text at all."]),
        ])
        #expect(try ids(index, "alaska") == ["title", "body-twice", "body-once"])
    }

    @Test("a document whose fields are tokenised in several runs counts once per term")
    func documentSplitAcrossRuns() throws {
        // The builder shares fields out in runs (a few per task on a small machine), so 64
        // one-word fields span many runs; one 64-word field cannot be split. BM25F sums a
        // name's fields, so both give the same lengths and term counts: the scores agree only
        // if "alaska" and "talks" are each counted in one document there, not once per run.
        let small = (0..<40).map { searchDocument("small-\($0)", body: [$0.isMultiple(of: 4) ? "alaska talks \($0)" : "news \($0)"]) }
        let split = SearchIndex(documents: [searchDocument("big", body: Array(repeating: "alaska talks", count: 64))] + small)
        let whole = SearchIndex(documents: [searchDocument("big", body: [Array(repeating: "alaska talks", count: 64).joined(separator: " ")])] + small)
        for query in ["alaska", "talks", "alaska news"] {
            let expected = try whole.search(query).map { "\($0.id) \($0.score)" }
            #expect(try split.search(query).map { "\($0.id) \($0.score)" } == expected)
        }
    }

    @Test("a rare term weighs more than a common one")
    func rareTerms() throws {
        var documents = (0..<6).map { searchDocument("filler-\($0)", body: ["Ukraine news of the day number \($0)."]) }
        documents.append(searchDocument("rare-often", body: ["alaska alaska alaska ukraine"]))
        documents.append(searchDocument("common-often", body: ["ukraine ukraine ukraine alaska"]))
        let index = SearchIndex(documents: documents)
        // Both match both terms; the one with the rare term often leads. The fillers match one of two.
        #expect(try Array(ids(index, "ukraine alaska").prefix(2)) == ["rare-often", "common-often"])
    }

    @Test("ranked search takes any term, documents with every term first; filters take every term")
    func orRankingAndSemantics() throws {
        let index = SearchIndex(documents: [
            searchDocument("both", body: ["A ceasefire was discussed in Alaska."]),
            searchDocument("ceasefire", body: ["A ceasefire was discussed in Geneva."]),
            searchDocument("alaska", body: ["Leaders met in Alaska."]),
            searchDocument("split", title: "Alaska", body: ["The ceasefire holds."]),
        ])
        let ranked = try ids(index, "alaska ceasefire")
        #expect(Set(ranked) == ["both", "split", "ceasefire", "alaska"])
        #expect(Set(ranked.prefix(2)) == ["both", "split"], "the coordination boost puts documents with both words first")
        #expect(try ids(index, "alaska ceasefire geneva").first == "both" || (try ids(index, "alaska ceasefire geneva").first == "ceasefire"))
        #expect(try ids(index, "unknownword alaska").first == "split", "a word matching nowhere does not empty the result")
        // A filter keeps AND.
        #expect(index.documentIDs(matching: try SearchQuery(parsing: "alaska ceasefire")) == ["both", "split"])
        #expect(index.documentIDs(matching: try SearchQuery(parsing: "unknownword alaska")).isEmpty)
    }

    @Test("an entity's names are one clause: any spelling matches, counted once")
    func anyOfClauses() throws {
        let index = SearchIndex(documents: [
            searchDocument("a", body: ["Zelenskiy met allies."]),
            searchDocument("b", body: ["Zelenskyy spoke to the Ukrainian president's staff."]),
            searchDocument("c", body: ["Nothing here."]),
        ])
        let names: (String) -> [String]? = { $0.lowercased() == "zelensky" ? ["Zelensky", "Zelenskiy", "Zelenskyy"] : nil }
        #expect(Set(try index.search("Zelensky", names: names).ids) == ["a", "b"])
        #expect(try index.search("Zelensky", names: nil).ids.isEmpty)
        let query = try SearchQuery(parsing: "Zelensky allies", names: names)
        #expect(query.clauses.count == 2)
        #expect(index.documentIDs(matching: query) == ["a"])
    }

    @Test("a phrase matches adjacent terms in order within one field only")
    func phrases() throws {
        let index = SearchIndex(documents: [
            searchDocument("adjacent", body: ["Allies offered security guarantees to Kyiv."]),
            searchDocument("apart", body: ["Security matters, and guarantees were offered."]),
            searchDocument("reversed", body: ["The guarantees' security was doubted."]),
            searchDocument("across-fields", title: "Questions of security", body: ["Guarantees were offered."]),
            searchDocument("singular", body: ["A security guarantee under a ceasefire."]),
        ])
        #expect(Set(try ids(index, "\"security guarantees\"")) == ["adjacent", "singular"])
        #expect(Set(try ids(index, "security guarantees")) == ["adjacent", "apart", "reversed", "across-fields", "singular"])
        #expect(try ids(index, "\"guarantees security\"") == ["reversed"])
        #expect(try ids(index, "\"offered security guarantees to kyiv\"") == ["adjacent"])
    }

    @Test("plurals and singulars find each other")
    func plurals() throws {
        let index = SearchIndex(documents: [
            searchDocument("plural", body: ["Guarantees for several countries."]),
            searchDocument("singular", body: ["A guarantee for one country."]),
        ])
        #expect(Set(try ids(index, "guarantees")) == ["plural", "singular"])
        #expect(Set(try ids(index, "guarantee")) == ["plural", "singular"])
        #expect(Set(try ids(index, "country")) == ["plural", "singular"])
        #expect(Set(try ids(index, "countries")) == ["plural", "singular"])
    }

    @Test("case, diacritics, curly apostrophes and acronyms are insensitive")
    func normalisation() throws {
        let index = SearchIndex(documents: [
            searchDocument("accented", body: ["Zélensky met Łukasz in Kyiv’s centre with U.S. envoys."]),
            searchDocument("plain", body: ["ZELENSKY spoke to the US press."]),
        ])
        #expect(Set(try ids(index, "zelensky")) == ["accented", "plain"])
        #expect(Set(try ids(index, "Zélensky")) == ["accented", "plain"])
        #expect(try ids(index, "lukasz") == ["accented"])
        #expect(try ids(index, "kyiv's") == ["accented"])
        #expect(Set(try ids(index, "U.S.")) == ["accented", "plain"])
        #expect(Set(try ids(index, "us")) == ["accented", "plain"])
    }

    @Test("kinds filter")
    func kinds() throws {
        let index = SearchIndex(documents: [
            searchDocument("a1", kind: "article", body: ["Alaska summit"]),
            searchDocument("e1", kind: "event", body: ["Alaska summit"]),
            searchDocument("p1", kind: "proposal", body: ["Alaska summit"]),
        ])
        #expect(try ids(index, "alaska", kinds: ["event"]) == ["e1"])
        #expect(Set(try ids(index, "alaska", kinds: ["event", "proposal"])) == ["e1", "p1"])
        #expect(try ids(index, "alaska", kinds: ["entity"]).isEmpty)
        #expect(try ids(index, "alaska", kinds: []).isEmpty)
        #expect(try ids(index, "alaska").count == 3)
    }

    @Test("equal scores are ordered by kind, then id")
    func tieOrder() throws {
        let text = ["Leaders discussed a ceasefire."]
        let index = SearchIndex(documents: [
            searchDocument("b", kind: "event", body: text),
            searchDocument("c", kind: "article", body: text),
            searchDocument("a", kind: "event", body: text),
            searchDocument("b", kind: "article", body: text),
        ])
        let results = try index.search("ceasefire")
        #expect(results.map { "\($0.kind)/\($0.id)" } == ["article/b", "article/c", "event/a", "event/b"])
        #expect(Set(results.map(\.score)).count == 1)
        #expect(try index.search("ceasefire").ids == results.ids)
    }

    @Test("hits name the best field and its index")
    func bestField() throws {
        let index = SearchIndex(documents: [
            searchDocument("x", title: "Alaska summit", body: ["Leaders arrived.", "The summit in Alaska ended."]),
            searchDocument("y", title: "Other", body: ["Leaders arrived.", "Talks ended.", "Alaska was cold."]),
        ])
        let hits = Array(try index.search("alaska"))
        #expect(hits.map(\.id) == ["x", "y"])
        #expect(hits[0].field == "title" && hits[0].fieldIndex == 0)
        #expect(hits[1].field == "body" && hits[1].fieldIndex == 3)
    }

    @Test("document ids and single-document matching for list filters")
    func filtering() throws {
        let index = SearchIndex(documents: [
            searchDocument("alaska-summit", kind: "event", body: ["Trump and Putin met in Alaska."]),
            searchDocument("white-house", kind: "event", body: ["Meeting at the White House."]),
            searchDocument("alaska-summit", kind: "article", body: ["Alaska again."]),
        ])
        let query = try SearchQuery(parsing: "alaska")
        #expect(index.documentIDs(matching: query, kinds: ["event"]) == ["alaska-summit"])
        #expect(index.documentIDs(matching: try SearchQuery(parsing: "\"white house\""), kinds: ["event"]) == ["white-house"])
        #expect(index.matches(kind: "event", id: "alaska-summit", query: query))
        #expect(!index.matches(kind: "event", id: "white-house", query: query))
        #expect(!index.matches(kind: "entity", id: "alaska-summit", query: query))
        #expect(index.documentIDs(matching: try SearchQuery(parsing: "nowhere"), kinds: nil).isEmpty)
    }

    @Test("empty queries throw; an empty index returns nothing")
    func emptyCases() throws {
        let index = SearchIndex(documents: [])
        #expect(index.count == 0)
        #expect(throws: SearchError.emptyQuery) { try index.search("  the  ") }
        #expect(try index.search("alaska").isEmpty)
        let blank = SearchIndex(documents: [SearchDocument(id: "blank", kind: "article", fields: [])])
        #expect(try blank.search("alaska").isEmpty)
    }

    @Test("searches run concurrently on a shared index")
    func concurrency() async throws {
        let index = SearchIndex(documents: (0..<50).map {
            searchDocument("d\($0)", body: ["Security guarantees item \($0) for Ukraine."])
        })
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? index.search("\"security guarantees\" ukraine").map(\.snippet).count) ?? -1 }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 50, count: 8))
    }
}

/// The field cursor (the index keeps no field per token) answers what a scan of the field
/// offsets answers, for ascending walks, jumps back and empty fields.
@Suite struct FieldCursorTests {
    @Test(arguments: 1...40)
    func matchesAScan(seed: UInt64) {
        var generator = EventMergeIndexTests.Generator(state: seed)
        var fieldTokens: [UInt32] = [0]
        for _ in 0..<Int.random(in: 1...300, using: &generator) {
            // A quarter of the fields are empty; some are long, so the cursor gallops.
            let size = Int.random(in: 0..<4, using: &generator) == 0 ? 0 : Int.random(in: 1...(seed % 3 == 0 ? 200 : 8), using: &generator)
            fieldTokens.append((fieldTokens.last ?? 0) + UInt32(size))
        }
        let total = fieldTokens.last ?? 0
        guard total > 0 else { return }
        func scan(_ token: UInt32) -> Int {
            (0..<(fieldTokens.count - 1)).first { fieldTokens[$0] <= token && token < fieldTokens[$0 + 1] } ?? -1
        }
        var ascending = (0..<Int.random(in: 1...200, using: &generator)).map { _ in UInt32.random(in: 0..<total, using: &generator) }
        ascending.sort()
        var cursor = FieldCursor(fieldTokens: fieldTokens)
        for token in ascending {
            #expect(cursor.field(of: token) == scan(token), "token \(token) of \(fieldTokens)")
        }
        for _ in 0..<100 {
            let token = UInt32.random(in: 0..<total, using: &generator)
            #expect(cursor.field(of: token) == scan(token), "token \(token) of \(fieldTokens)")
        }
        var fresh = FieldCursor(fieldTokens: fieldTokens)
        #expect(fresh.field(of: total - 1) == scan(total - 1))
        #expect(fresh.field(of: 0) == scan(0))
    }
}
