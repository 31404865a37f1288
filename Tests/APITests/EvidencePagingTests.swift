import API
import Foundation
import Testing
import TestSupport

/// An event reported by many articles stays a small record: it carries its first quotes inline,
/// counts them all, and `/events/{id}/evidence` pages through every one. Here: the shipped seeds
/// plus fourteen syndicated copies of one wire story (as a news feed delivers them).
@Suite(.serialized) struct EvidencePagingTests {
    static let copies = 14

    static let dataset = datasetFromShippedSeeds("evidence") { seeds in
        let story = URL(fileURLWithPath: repositorySeeds).deletingLastPathComponent()
            .appendingPathComponent("Tests/StoreTests/Fixtures/dropins/articles/wire-paris-coalition.txt").path
        for copy in 0..<copies {
            try FileManager.default.copyItem(atPath: story, toPath: "\(seeds)/articles/syndicated-\(copy).txt")
        }
    }

    @Test func anEventCarriesItsFirstQuotesAndPagesThroughTheRest() throws {
        let (server, _) = try startAccord(dataset: Self.dataset)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let events = try client.json("/events?limit=1000").data
        let busiest = try #require(events.max { ($0["evidenceCount"] as? Int ?? 0) < ($1["evidenceCount"] as? Int ?? 0) })
        let id = try #require(busiest["id"] as? String)
        let count = try #require(busiest["evidenceCount"] as? Int)
        #expect(count > 10, "the copies add evidence to one event: \(count)")
        let inline = try #require(busiest["evidence"] as? [[String: Any]])
        #expect(inline.count == 10)
        // Every quote, page by page, in the record's order; the inline ones come first.
        let (all, totals) = try client.allPages("/events/\(id)/evidence?limit=4")
        #expect(totals.allSatisfy { $0 == count })
        #expect(all.count == count)
        let key = { (item: [String: Any]) in "\(item["article"] ?? "")|\(item["paragraph"] ?? "")|\(item["start"] ?? "")" }
        #expect(all.prefix(10).map(key) == inline.map(key))
        #expect(Set(all.map(key)).count == count, "no quote twice")
        let detail = try client.json("/events/\(id)")
        #expect((detail["evidence"] as? [[String: Any]])?.count == 10 && detail["evidenceCount"] as? Int == count)
        #expect(((detail["links"] as? [String: Any])?["evidence"] as? String)?.hasSuffix("/events/\(id)/evidence") == true)
        #expect(try client.get("/events/no-such-event/evidence").status == 404)
    }
}
