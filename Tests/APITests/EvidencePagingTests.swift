import API
import Foundation
import Testing
import TestSupport

/// An event reported by many articles stays a small record: it carries its first quotes inline,
/// counts them all, and `/events/{id}/evidence` pages through every one. Here: the shipped seeds
/// plus fourteen syndicated copies of one wire story (as a news feed delivers them).
@Suite(.serialized) struct EvidencePagingTests {
    static let copies = 14

    static let dataset: Dataset = {
        let manager = FileManager.default
        let seeds = NSTemporaryDirectory() + "accord-evidence-\(UUID().uuidString)"
        let story = URL(fileURLWithPath: repositorySeeds).deletingLastPathComponent()
            .appendingPathComponent("Tests/StoreTests/Fixtures/dropins/articles/wire-paris-coalition.txt").path
        do {
            try manager.copyItem(atPath: repositorySeeds, toPath: seeds)
            defer { try? manager.removeItem(atPath: seeds) }
            for copy in 0..<copies {
                try manager.copyItem(atPath: story, toPath: "\(seeds)/articles/syndicated-\(copy).txt")
            }
            switch DatasetLoader.load(directory: seeds, strict: false) {
            case .success(let dataset): return dataset
            case .failure(let failure): fatalError("the syndicated seeds must load: \(failure)")
            }
        } catch {
            fatalError("\(error)")
        }
    }()

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
        var all: [[String: Any]] = []
        var next: String? = "/events/\(id)/evidence?limit=4"
        while let target = next {
            let page = try client.json(target)
            #expect(page.meta["total"] as? Int == count)
            all += page.data
            next = (page.links["next"] as? String).map { $0.replacingOccurrences(of: "http://accord.test", with: "") }
        }
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
