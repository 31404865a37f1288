import Foundation
import HTTP
import Testing
import TestSupport
@testable import API

/// gzip and Brotli: negotiated by Accept-Encoding, made once per cached representation, each
/// with its own strong ETag; HEAD and 304 agree with GET; small bodies stay as they are.
@Suite("Content coding", .serialized)
struct CompressionTests {
    @Test(arguments: [
        (nil, ContentCoding.identity), ("", .identity), ("gzip", .gzip), ("br", .br), ("gzip, br", .br),
        ("br;q=0.5, gzip", .gzip), ("gzip;q=0, br;q=0", .identity), ("*", .br), ("*;q=0.2, gzip;q=0.1", .br),
        ("identity", .identity), ("deflate", .identity), ("x-gzip", .gzip), ("GZIP", .gzip),
        ("identity;q=0", nil), ("*;q=0", nil), ("identity;q=0, gzip", .gzip), ("*;q=0, identity", .identity),
        ("gzip, deflate, br, zstd", .br), ("gzip;q=1.0, br;q=0.9", .gzip), ("Br ; Q=0.8 ,\tGZIP ; q=0.9", .gzip),
        ("gzip;q=abc", .identity), (" \t ", .identity), (",,gzip,,", .gzip), ("gzip;level=9;q=0", .identity),
        ("br;q=2", .br), ("gzip, gzip;q=0", .identity),
        // Identity weighed higher by name wins; named at the same weight, compression does.
        ("identity;q=0.9, br;q=0.1", .identity), ("gzip;q=0.5, identity;q=1", .identity), ("gzip, identity", .gzip),
    ] as [(String?, ContentCoding?)])
    func negotiation(_ header: String?, _ expected: ContentCoding?) {
        #expect(ContentCoding.negotiate(header) == expected, "\(header ?? "(none)")")
    }

    @Test func eachCodingHasItsOwnETagAndRevalidates() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let plain = try client.get("/events")
        let gzip = try client.get("/events", headers: ["Accept-Encoding": "gzip"])
        let brotli = try client.get("/events", headers: ["Accept-Encoding": "gzip, br"])
        #expect(plain.header("Content-Encoding") == nil)
        #expect(gzip.header("Content-Encoding") == "gzip")
        #expect(brotli.header("Content-Encoding") == "br")
        #expect(gzip.body.count < plain.body.count / 3 && brotli.body.count < gzip.body.count)
        #expect(gzip.body.prefix(2) == [0x1F, 0x8B])
        let tags = [plain, gzip, brotli].compactMap { $0.header("ETag") }
        #expect(Set(tags).count == 3)
        for response in [plain, gzip, brotli] { #expect(response.header("Vary") == "Accept, Accept-Encoding") }
        // If-None-Match works per coding; another coding's tag does not match.
        let gzipTag = try #require(gzip.header("ETag"))
        #expect(try client.get("/events", headers: ["Accept-Encoding": "gzip", "If-None-Match": gzipTag]).status == 304)
        #expect(try client.get("/events", headers: ["Accept-Encoding": "br", "If-None-Match": gzipTag]).status == 200)
        // The same bytes every time (made once), and HEAD says the same length as GET.
        let again = try client.get("/events", headers: ["Accept-Encoding": "gzip"])
        #expect(again.body == gzip.body)
        let head = try client.get("/events", headers: ["Accept-Encoding": "gzip"], method: "HEAD")
        #expect(head.header("Content-Length") == String(gzip.body.count))
        #expect(head.header("ETag") == gzipTag)
    }

    @Test func smallBodiesStayUncompressedAndRefusingIdentityIsA406() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        // Under 1 KiB, or not smaller by 5 %: identity, for every coding.
        let small = ResponseCache.Entry(body: Array(String(repeating: "{\"a\":1}", count: 100).utf8), etag: "\"x\"",
                                        contentType: "application/json", link: nil)
        #expect(small.body.count < Compression.minimumBytes)
        #expect(small.encoded.form(.gzip, of: small.body, etag: small.etag, contentType: small.contentType) == nil)
        var random = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        let incompressible = ResponseCache.Entry(body: noise, etag: "\"y\"", contentType: "application/octet-stream", link: nil)
        #expect(incompressible.encoded.form(.br, of: noise, etag: "\"y\"", contentType: "application/octet-stream") == nil)
        let refused = try client.get("/events", headers: ["Accept-Encoding": "identity;q=0, deflate"])
        #expect(refused.status == 406)
        #expect(try client.get("/events", headers: ["Accept-Encoding": "identity;q=0, gzip"]).status == 200)
    }

    @Test func theOpenAPIDocumentAndTheExplorerCompressToo() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let plain = try client.get("/openapi.json")
        let brotli = try client.get("/openapi.json", headers: ["Accept-Encoding": "br"])
        #expect(brotli.header("Content-Encoding") == "br")
        #expect(brotli.body.count * 5 < plain.body.count)
    }

    @Test func gzipAndBrotliRoundTripThroughCurl() throws {
        let (server, _) = try startAccord()
        let identity = try server.client().get("/openapi.json").body
        for coding in ["gzip", "br"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-sS", "--compressed", "-H", "Accept-Encoding: \(coding)", "http://127.0.0.1:\(server.port)/openapi.json"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect([UInt8](data) == identity, "\(coding) did not decode to the identity body")
        }
    }
}
