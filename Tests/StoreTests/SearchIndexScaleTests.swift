import Testing

@testable import Store

@Suite("SearchIndex at scale")
struct SearchIndexScaleTests {
    /// Deterministic pseudo-random words (a 64-bit LCG), so failures reproduce.
    private struct Words {
        static let vocabulary = [
            "ukraine", "russia", "leaders", "talks", "ceasefire", "troops", "allies", "summit",
            "europe", "kyiv", "moscow", "envoy", "pledged", "training", "mission", "sanctions",
            "pressure", "agreement", "deal", "weapons", "drones", "missiles", "meeting", "week",
            "president", "minister", "foreign", "defence", "said", "would", "could", "future",
            "Zélensky’s", "U.S.", "Paris", "news", "countries", "commitments", "the", "of", "and",
        ]
        var state: UInt64

        mutating func next() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Self.vocabulary[Int((state >> 33) % UInt64(Self.vocabulary.count))]
        }
    }

    @Test("10,000 documents of ~2 KB index and answer correctly")
    func tenThousandDocuments() throws {
        var words = Words(state: 42)
        var documents: [SearchDocument] = []
        documents.reserveCapacity(10_000)
        for number in 0..<10_000 {
            var body: [SearchField] = []
            for paragraph in 0..<2 {
                var text = paragraph == 0 ? "marker\(number) opens the text." : ""
                while text.utf8.count < 1_000 {
                    text += " " + words.next()
                }
                if number % 100 == 0, paragraph == 1 {
                    text += " allies offered security guarantees to Kyiv."
                }
                body.append(SearchField(name: "body", text: text))
            }
            let kind = number % 2 == 0 ? "article" : "event"
            documents.append(SearchDocument(
                id: "doc-\(number)", kind: kind,
                fields: [SearchField(name: "title", text: "Report \(number)", weight: 3)] + body
            ))
        }
        let index = SearchIndex(documents: documents)
        #expect(index.count == 10_000)

        #expect(try index.search("marker1234").ids == ["doc-1234"])
        #expect(try index.search("report 777").ids.first == "doc-777", "the one with both words first")

        let phrase = try index.search("\"security guarantees\"")
        #expect(phrase.count == 100)
        #expect(Set(phrase.ids) == Set((0..<100).map { "doc-\($0 * 100)" }))
        #expect(try index.search("\"security guarantees\"", kinds: ["event"]).isEmpty)
        #expect(phrase.allSatisfy { $0.snippet.contains("<mark>security guarantees</mark>") })

        let common = try index.search("ukraine talks")
        #expect(common.count > 5_000)
        #expect(common.prefix(20).allSatisfy { $0.snippet.contains("<mark>") })
        let scores = common.indices.map { common.ranked[$0].score }
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })

        let events = try index.search("ukraine talks", kinds: ["event"])
        #expect(events.count < common.count && !events.isEmpty)
        #expect(Set(events.ids).isSubset(of: Set(common.ids)))
        #expect(index.documentIDs(matching: try SearchQuery(parsing: "zelensky countries"), kinds: nil).count > 1_000)
    }
}
