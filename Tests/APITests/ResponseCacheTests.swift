import Foundation
import HTTP
import Testing
import TestSupport
@testable import API

@Suite("Response cache bounds and Host hygiene")
struct ResponseCacheTests {
    func key(_ target: String, accept: String = "json") -> ResponseCache.Key {
        ResponseCache.Key(target: target, accept: accept, scheme: "http", host: "h", prefix: "")
    }

    func entry(_ size: Int) -> ResponseCache.Entry {
        ResponseCache.Entry(body: [UInt8](repeating: 0x61, count: size), etag: "\"e\"", contentType: "application/json", link: nil)
    }

    @Test func theCacheStaysWithinItsByteBudget() {
        let cache = ResponseCache(maxEntries: 10_000, maxBytes: 64 * 1024)
        for index in 0..<500 {
            cache.put(key("/events?pretty", accept: "json\(index)"), entry(2000))
            #expect(cache.bytes <= 64 * 1024)
        }
        #expect(cache.count > 0)
    }

    @Test func entriesInUseSurviveAFloodOfOneOffRequests() {
        let cache = ResponseCache(maxEntries: 100, maxBytes: 1 << 20)
        cache.put(key("/events"), entry(1000))
        for index in 0..<10_000 {
            cache.put(key("/events?offset=\(index)"), entry(1000))
            // The popular entry is asked for now and then, as real traffic would.
            if index % 20 == 0 { #expect(cache.get(key("/events")) != nil, "evicted after \(index) one-off entries") }
        }
        #expect(cache.count <= 100)
    }

    @Test func aVaryingAcceptHeaderSharesOneEntry() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        var etags = Set<String>()
        for index in 0..<20 {
            try client.send("GET /events?limit=3 HTTP/1.1\r\nHost: t\r\nAccept: application/json, text/x-junk-\(index);q=0.1\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            etags.insert(response.header("ETag") ?? "")
        }
        #expect(etags.count == 1)
        try client.send("GET /events?limit=3 HTTP/1.1\r\nHost: t\r\nAccept: text/csv\r\n\r\n")
        #expect(try client.readResponse().header("Content-Type")?.hasPrefix("text/csv") == true)
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

    @Test func aHostThatIsNotAHostNameIsRefusedAndNeverReachesLinks() throws {
        let (server, _) = try startAccord()
        // RFC 9112 §3.2: an invalid Host is a 400, whatever follows it in the header.
        for host in ["x/>; rel=\"preload\", <https://evil.example/a.js", "x#y", "evil.example@good.example", "a?b", "a^b",
                     "bad/host name", "a b", "x@y", "[::1", "x:y:z", "host:99999", "host:0", "[fe80::1%25eth0]"] {
            let client = try server.client()
            try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400, "Host: \(host)")
            #expect(response.header("Link") == nil, "Host: \(host)")
        }
        let client = try server.client()
        // Valid RFC 3986 hosts that are not plain host names are answered, with links to localhost.
        for host in ["a!b", "x%41y"] {
            try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200, "Host: \(host)")
            #expect(response.header("Link")?.contains("<http://localhost/events?limit=2&offset=2>") == true, "Host: \(host)")
        }
        try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: [v1.fe]\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n")
        #expect(try client.readResponse().header("Link")?.contains("<http://[::1]:8080/events?limit=2&offset=2>") == true)
        // An absolute-form target's authority wins over Host (RFC 9112 §3.2.2).
        try client.send("GET http://api.example:8443/events?limit=2 HTTP/1.1\r\nHost: other.example\r\n\r\n")
        #expect(try client.readResponse().header("Link")?.contains("<http://api.example:8443/events?limit=2&offset=2>") == true)
        for target in ["http://user@api.example/events", "http://[::1/events", "http:///events"] {
            try client.send("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 400, "\(target)")
        }
    }
}
