import Foundation
import Testing
import TestSupport
@testable import API

/// Cache-miss lists copy records kept as compact JSON (`RecordFragments`): the bytes must be what
/// building the record gives, links must follow each client's base URL, and what is kept is bounded.
@Suite("Record fragments over real sockets", .serialized)
struct RecordFragmentsTests {
    /// The records of a compact body (fragments) equal those of a pretty body (built every time).
    @Test func keptRecordsEqualBuiltRecords() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        for path in ["/events?limit=1000", "/proposals?limit=1000", "/entities?limit=1000&mentioned=any"] {
            let compact = try client.json(path)
            // Twice: the second compact body comes from the kept fragments.
            let again = try client.json(path + "&offset=0")
            let pretty = try client.json(path + "&pretty")
            let records = { (page: [String: Any]) in try JSONSerialization.data(withJSONObject: page.data, options: [.sortedKeys]) }
            #expect(try records(compact) == records(pretty), "\(path)")
            #expect(try records(again) == records(pretty), "\(path)")
            #expect(!compact.data.isEmpty)
        }
    }

    /// Each Host gets its own links; past four base URLs nothing more is kept, and all is still served.
    @Test func linksFollowTheHostAndKeptBaseURLsAreBounded() throws {
        let (server, application) = try startAccord()
        let client = try server.client()
        for index in 0..<6 {
            let host = "h\(index).example"
            try client.send("GET /events?limit=5&status=held HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            let page = try client.readResponse().json()
            let links = page.data.compactMap { ($0["links"] as? [String: Any])?["self"] as? String }
            #expect(links.count == 5 && links.allSatisfy { $0.hasPrefix("http://\(host)/events/") }, "\(links)")
        }
        let fragments = application.dataset.fragments
        #expect(fragments.baseCount == RecordFragments.maximumBases)
        #expect(fragments.byteCount > 0 && fragments.byteCount <= RecordFragments.budgetBytes)
    }
}
