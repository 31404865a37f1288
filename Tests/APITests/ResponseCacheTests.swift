import Foundation
import HTTP
import Testing
import TestSupport
@testable import API

@Suite("Response cache bounds and Host hygiene")
struct ResponseCacheTests {
    func key(_ target: String, accept: String? = nil) -> ResponseCache.Key {
        ResponseCache.Key(target: target, accept: accept, scheme: "http", host: "h", prefix: "")
    }

    func entry(_ size: Int) -> ResponseCache.Entry {
        ResponseCache.Entry(body: [UInt8](repeating: 0x61, count: size), etag: "\"e\"", contentType: "application/json", link: nil)
    }

    @Test func theCacheStaysWithinItsByteBudget() {
        let cache = ResponseCache(maxEntries: 10_000, maxBytes: 64 * 1024)
        for index in 0..<500 {
            cache.put(key("/events?pretty", accept: "application/json;v=\(index)"), entry(3000))
            #expect(cache.bytes <= 64 * 1024)
        }
        #expect(cache.count > 0)
    }

    @Test func oversizedBodiesAreServedButNotKept() {
        let cache = ResponseCache(maxEntries: 10, maxBytes: 16 * 1024)
        cache.put(key("/big"), entry(2 * 1024))
        #expect(cache.get(key("/big")) == nil)
        cache.put(key("/small"), entry(100))
        #expect(cache.get(key("/small")) != nil)
    }

    @Test func replacingAnEntryDoesNotLeakItsBytes() {
        let cache = ResponseCache(maxEntries: 10, maxBytes: 1 << 20)
        for _ in 0..<100 { cache.put(key("/same"), entry(1000)) }
        #expect(cache.count == 1)
        #expect(cache.bytes < 2000)
    }

    @Test func aHostThatIsNotAHostNameNeverReachesLinks() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: x/>; rel=\"preload\", <https://evil.example/a.js\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        let link = try #require(response.header("Link"))
        #expect(!link.contains("evil.example"))
        #expect(link.contains("<http://localhost/events?limit=2&offset=2>; rel=\"next\""))

        // A fragment or userinfo in Host would change what the links point at.
        for host in ["x#y", "evil.example@good.example", "a?b", "a^b"] {
            try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            let other = try client.readResponse()
            #expect(other.header("Link")?.contains("<http://localhost/events?limit=2&offset=2>") == true, "Host: \(host)")
        }
        try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n")
        #expect(try client.readResponse().header("Link")?.contains("<http://[::1]:8080/events?limit=2&offset=2>") == true)
    }
}
