import API
import Foundation
import Testing
import TestSupport

/// A proposal stated by many actors stays a small record: it carries its first positions inline,
/// counts them all, and `/proposals/{id}/positions` pages through every one. Here: the shipped
/// seeds with one proposal's positions repeated on 45 different dates (as a long-running story
/// gathers them).
@Suite(.serialized) struct PositionPagingTests {
    static let positions = 45

    static let dataset = datasetFromShippedSeeds("positions") { seeds in
        let path = "\(seeds)/proposals.json"
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var proposals = try #require(document["proposals"] as? [[String: Any]])
        let template = try #require((proposals[0]["positions"] as? [[String: Any]])?.first)
        proposals[0]["positions"] = (0..<positions).map { day -> [String: Any] in
            var position = template
            let date = String(format: "2025-%02d-%02d", 3 + day / 28, day % 28 + 1)
            position["date"] = ["date": date, "precision": "day", "reason": "test fixture"]
            return position
        }
        document["proposals"] = proposals
        try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
    }

    @Test func aProposalCarriesItsFirstPositionsAndPagesThroughTheRest() throws {
        let (server, _) = try startAccord(dataset: Self.dataset)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let proposals = try client.json("/proposals?limit=1000").data
        let busiest = try #require(proposals.max { ($0["positionCount"] as? Int ?? 0) < ($1["positionCount"] as? Int ?? 0) })
        let id = try #require(busiest["id"] as? String)
        #expect(busiest["positionCount"] as? Int == Self.positions)
        let inline = try #require(busiest["positions"] as? [[String: Any]])
        #expect(inline.count == 20)
        // Every position, page by page, in the record's order; the inline ones come first.
        let (all, totals) = try client.allPages("/proposals/\(id)/positions?limit=7")
        #expect(totals.allSatisfy { $0 == Self.positions })
        #expect(all.count == Self.positions)
        let key = { (item: [String: Any]) in "\((item["date"] as? [String: Any])?["date"] ?? "")|\(item["stance"] ?? "")" }
        #expect(all.prefix(20).map(key) == inline.map(key))
        #expect(Set(all.map(key)).count == Self.positions, "no position twice")
        #expect(all.allSatisfy { !(($0["evidence"] as? [[String: Any]]) ?? []).isEmpty }, "each position keeps its quotes")
        let detail = try client.json("/proposals/\(id)")
        #expect((detail["positions"] as? [[String: Any]])?.count == 20 && detail["positionCount"] as? Int == Self.positions)
        #expect(((detail["links"] as? [String: Any])?["positions"] as? String)?.hasSuffix("/proposals/\(id)/positions") == true)
        #expect(try client.get("/proposals/no-such-proposal/positions").status == 404)
        // Every other proposal is whole inline.
        for proposal in proposals where proposal["id"] as? String != id {
            #expect((proposal["positions"] as? [Any])?.count == proposal["positionCount"] as? Int)
        }
    }
}
