#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import HTTP
import TestSupport

/// Cached bodies sent from their memory file with `sendfile`, over real sockets: byte for byte,
/// through partial sends and pipelining, mixed with ordinary responses and HEAD.
@Suite("Shared bodies over sendfile", .serialized)
struct SharedBodyTests {
    /// Bytes that differ at every offset (mod 251), so a range sent from the wrong place shows.
    static func pattern(_ count: Int, seed: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 + seed) % 251) }
    }

    @Test func pipelinedFileBodiesArriveWholeAfterPartialSends() throws {
        let large = SharedBody(Self.pattern(8 << 20))
        let medium = SharedBody(Self.pattern(40_000, seed: 7))
        let server = try TestServer(responder: ClosureResponder { request in
            switch request.path {
            case "/large": HTTPResponse(headers: ["Content-Type": "application/json"], shared: large)
            case "/medium": HTTPResponse(shared: medium)
            default: HTTPResponse(body: Array("small".utf8))
            }
        })
        let client = try server.client(timeout: 10)
        let paths = ["/large", "/small", "/medium", "/large", "/medium", "/small", "/large"]
        var pipeline = ""
        for path in paths { pipeline += "GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n" }
        pipeline += "HEAD /large HTTP/1.1\r\nHost: t\r\n\r\nGET /medium HTTP/1.1\r\nHost: t\r\n\r\n"
        try client.send(pipeline)
        // The client reads nothing yet: the first large body cannot fit the socket buffers, so
        // the rest of its file range waits in the queue (a partial sendfile).
        #expect(eventually { server.server.statistics.unsentBytes.load(ordering: .relaxed) > 0 })
        Thread.sleep(forTimeInterval: 0.1)
        for path in paths {
            let response = try client.readResponse()
            #expect(response.status == 200)
            switch path {
            case "/large": #expect(response.body == large.bytes, "a large body differs")
            case "/medium": #expect(response.body == medium.bytes, "a medium body differs")
            default: #expect(response.body == Array("small".utf8))
            }
        }
        let head = try client.readResponse(bodyless: true)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("Content-Length") == String(large.bytes.count))
        #expect(try client.readResponse().body == medium.bytes, "the response after HEAD starts where it should")
        #expect(large.hasFile && medium.hasFile, "both bodies were sent from memory files")
        #expect(eventually { server.server.statistics.unsentBytes.load(ordering: .relaxed) == 0 })
    }

    /// Prepared header fields go out as they were serialised, without the engine's own fields a
    /// handler put among them; a response whose fields change after preparing sends the changed
    /// fields, never the stale bytes.
    @Test func preparedHeadersAreSentAsPreparedAndDroppedWhenChanged() throws {
        let body = SharedBody(Self.pattern(40_000))
        let prepared = PreparedHeaders([
            "Content-Type": "application/json", "ETag": "\"a\"", "Content-Length": "1", "X-Request-ID": "spoofed",
        ])
        let server = try TestServer(responder: ClosureResponder { request in
            var response = HTTPResponse(prepared: prepared, shared: body)
            if request.path == "/changed" { response.headers.set("ETag", "\"b\"") }
            return response
        })
        let client = try server.client(timeout: 10)
        try client.send("GET /prepared HTTP/1.1\r\nHost: t\r\n\r\nGET /changed HTTP/1.1\r\nHost: t\r\n\r\n")
        let first = try client.readResponse()
        let names = first.headers.map { $0.0.lowercased() }
        #expect(names == ["date", "content-type", "etag", "content-length", "x-request-id"])
        #expect(first.header("ETag") == "\"a\"" && first.header("Content-Length") == "40000")
        #expect(first.header("X-Request-ID") != "spoofed" && first.body == body.bytes)
        let second = try client.readResponse()
        #expect(second.headers.filter { $0.0.lowercased() == "etag" }.map(\.1) == ["\"b\""])
        #expect(second.header("Content-Type") == "application/json" && second.body == body.bytes)
    }

    @Test func aSmallBodyGetsNoFile() {
        let body = SharedBody(Self.pattern(SharedBody.minimumFileBytes - 1))
        #expect(body.fileDescriptor == nil)
        #expect(!body.hasFile)
    }

    @Test func aBodySentOnceGetsNoFile() {
        let body = SharedBody(Self.pattern(SharedBody.minimumFileBytes))
        #expect(body.fileDescriptor == nil, "a first send writes the bytes")
        #expect(!body.hasFile)
        #expect(body.fileDescriptor != nil, "the second is sent from the file")
    }

    @Test func theFileIsSealedAndHoldsTheBytes() throws {
        let body = SharedBody(Self.pattern(SharedBody.minimumFileBytes * 2))
        _ = body.fileDescriptor
        let descriptor = try #require(body.fileDescriptor)
        #expect(body.fileDescriptor == descriptor, "made once")
        var read = [UInt8](repeating: 0, count: body.bytes.count)
        #expect(read.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) } == body.bytes.count)
        #expect(read == body.bytes)
        // Sealed: nobody can change what later responses send.
        #expect(pwrite(descriptor, "x", 1, 0) == -1)
        #expect(ftruncate(descriptor, 1) == -1)
    }

    @Test func theFileClosesWithItsLastHolder() throws {
        var body: SharedBody? = SharedBody(Self.pattern(SharedBody.minimumFileBytes))
        _ = body?.fileDescriptor
        let descriptor = try #require(body?.fileDescriptor)
        var before = stat()
        #expect(fstat(descriptor, &before) == 0)
        body = nil
        // Closed: the number is either free or reused by another file.
        var after = stat()
        let result = fstat(descriptor, &after)
        #expect(result == -1 || after.st_ino != before.st_ino)
    }

    @Test func aClientThatVanishesMidFileDoesNotStopTheServer() throws {
        let large = SharedBody(Self.pattern(16 << 20))
        let server = try TestServer(responder: ClosureResponder { _ in HTTPResponse(shared: large) })
        for _ in 0..<3 {
            let client = try server.client()
            try client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(eventually { server.server.statistics.unsentBytes.load(ordering: .relaxed) > 0 })
            client.abort()
        }
        #expect(eventually { server.server.statistics.openConnections.load(ordering: .relaxed) == 0 })
        #expect(eventually { server.server.statistics.unsentBytes.load(ordering: .relaxed) == 0 })
        let other = try server.client(timeout: 10)
        try other.send("GET /c HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().body == large.bytes)
    }
}
