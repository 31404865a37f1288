#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
@testable import HTTP
import Locking
import TestSupport

/// Counts the requests a responder sees, by path, so a test can prove what never reached it.
final class RecordingResponder: HTTPResponder {
    let paths = Locked<[String]>([])
    let body: [UInt8]

    init(body: [UInt8] = Array("ok".utf8)) { self.body = body }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        paths.withLock { $0.append(request.path) }
        return HTTPResponse(body: body)
    }

    var seen: [String] { paths.withLock { $0 } }
}

@Suite("Abuse over real sockets", .serialized)
struct AbuseTests {
    @Test func a_thousandSlowlorisConnectionsDoNotStarveNormalClients() throws {
        let server = try TestServer {
            $0.timeouts.header = 5
            $0.maxConnectionsPerClient = 2000
        }
        var slow: [RawClient] = []
        for _ in 0..<1000 {
            let client = try server.client(timeout: 5)
            try client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Slow: ")
            slow.append(client)
        }
        for round in 0..<5 {
            let started = Date()
            let normal = try server.client()
            try normal.send("GET /normal/\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try normal.readResponse().status == 200)
            #expect(Date().timeIntervalSince(started) < 1, "a normal client waited more than a second")
        }
        // Accepting runs concurrently with the clients above (slowly under sanitizers): wait, bounded.
        let deadline = Date().addingTimeInterval(10)
        while server.server.statistics.openConnections.load(ordering: .relaxed) < 1000 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(server.server.statistics.openConnections.load(ordering: .relaxed) >= 1000)
    }

    @Test func aFloodOfConnectsBeyondTheCapIsRefusedNotHung() throws {
        let server = try TestServer {
            $0.maxConnections = 50
            $0.threads = 2
        }
        var clients: [RawClient] = []
        for _ in 0..<200 { clients.append(try server.client(timeout: 2)) }
        var refused = 0
        var served = 0
        for client in clients {
            try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            if response.status == 503 { refused += 1 } else if response.status == 200 { served += 1 }
        }
        #expect(served == 50)
        #expect(refused == 150)
        #expect(server.server.statistics.refusedConnections.load(ordering: .relaxed) == 150)
        clients.removeAll()
        Thread.sleep(forTimeInterval: 0.2)
        let later = try server.client()
        try later.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try later.readResponse().status == 200)
    }

    @Test func aClientThatNeverReadsIsBoundedAndClosedAtTheWriteTimeout() throws {
        let responder = RecordingResponder(body: [UInt8](repeating: 0x61, count: 2 * 1024 * 1024))
        let server = try TestServer(configure: {
            $0.timeouts.write = 0.5
            $0.maxPendingWriteBytes = 1024 * 1024
        }, responder: responder)
        let client = try server.client(timeout: 3)
        var small: Int32 = 4096
        setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        try client.send(String(repeating: "GET /flood HTTP/1.1\r\nHost: t\r\n\r\n", count: 200))
        Thread.sleep(forTimeInterval: 0.3)
        // Reading paused once output could not be flushed: of 200 pipelined requests only the
        // few whose responses fit in the kernel's socket buffers plus the cap were parsed.
        let answered = responder.seen.count
        #expect(answered >= 1 && answered <= 4, "\(answered) requests were answered")
        #expect(server.server.statistics.openConnections.load(ordering: .relaxed) == 1)
        // The client still reads nothing; past the write timeout (0.5 s) the server drops it.
        let deadline = Date().addingTimeInterval(5)
        while server.server.statistics.openConnections.load(ordering: .relaxed) > 0 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(server.server.statistics.openConnections.load(ordering: .relaxed) == 0)
        #expect(responder.seen.count == answered)
        let other = try server.client()
        try other.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().status == 200)
    }

    @Test func bodiesStillArrivingPastTheServerWideInputBudgetAreRefused() throws {
        let responder = RecordingResponder()
        let server = try TestServer(configure: { $0.maxPendingReadBytes = 256 * 1024 }, responder: responder)
        let statistics = server.server.statistics
        func head(_ length: Int) -> String { "POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: \(length)\r\n\r\n" }
        let part = [UInt8](repeating: UInt8(ascii: "a"), count: 150_000)
        // The first body, mostly sent, is under the budget: it is held.
        let first = try server.client(timeout: 5)
        try first.send(head(200_000))
        try first.send(part)
        #expect(eventually { statistics.heldInputBytes.load(ordering: .relaxed) >= 150_000 })
        // The second takes the total past it while its body is still arriving: 503, closed.
        let second = try server.client(timeout: 5)
        try second.send(head(200_000))
        try? second.send(part)
        let refused = try second.readResponse()
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "1")
        #expect(refused.header("Connection") == "close")
        #expect(statistics.refusedOverInputBudget.load(ordering: .relaxed) == 1)
        // Its bytes leave the total; a request without a body is not refused meanwhile.
        #expect(eventually { statistics.heldInputBytes.load(ordering: .relaxed) < 300_000 })
        let other = try server.client()
        try other.send("GET /small HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().status == 200)
        // The first body completes and is answered; nothing is held afterwards.
        try first.send(Array(part[..<50_000]))
        #expect(try first.readResponse().status == 200)
        #expect(responder.seen == ["/small", "/upload"])
        #expect(eventually { statistics.heldInputBytes.load(ordering: .relaxed) == 0 })
    }

    @Test func aChunkedBodysHeldBytesAreCountedAndReleased() throws {
        let server = try TestServer(configure: { $0.maxPendingReadBytes = 96 * 1024 }, responder: RecordingResponder())
        let statistics = server.server.statistics
        let client = try server.client(timeout: 5)
        let chunk = "4000\r\n" + String(repeating: "b", count: 0x4000) + "\r\n"
        try client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
        // Two 16 KiB chunks, held twice (the read buffer and the parser's copy): under 96 KiB.
        try client.send(chunk + chunk)
        #expect(eventually { statistics.heldInputBytes.load(ordering: .relaxed) >= 2 * 0x4000 })
        // Two more take it past the budget while the body is still open.
        try? client.send(chunk + chunk)
        let response = try client.readResponse()
        #expect(response.status == 503)
        #expect(eventually { statistics.heldInputBytes.load(ordering: .relaxed) == 0 })
    }

    static let smuggling: [(name: String, raw: String)] = [
        ("CL.TE", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 35\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("TE.CL", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n23\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n\r\n0\r\n\r\n"),
        ("TE.TE second header", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("TE.TE list", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("TE.TE space before colon", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("TE.TE xchunked", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("TE.TE obs-fold", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("CL.CL", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nContent-Length: 35\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("bare CR", "POST / HTTP/1.1\r\nHost: t\r\nX: a\rTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        // A lone LF inside a chunked body: a front end reading it as part of a chunk extension
        // (or of the data) would frame other chunks than the server.
        ("chunk extension ends in bare LF", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n2;\nxx\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("chunk data ends in bare LF", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("last chunk ends in bare LF", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
        ("trailer section ends in bare LF", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"),
    ]

    @Test(arguments: smuggling.map(\.name))
    func smugglingAttemptsAreRefusedAndNothingIsSmuggled(_ name: String) throws {
        let raw = try #require(Self.smuggling.first { $0.name == name }?.raw)
        let responder = RecordingResponder()
        let server = try TestServer(responder: responder)
        let client = try server.client()
        try client.send(raw)
        let response = try client.readResponse()
        #expect((400...501).contains(response.status), "\(name) gave \(response.status)")
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByPeer())
        #expect(!responder.seen.contains("/smuggled"))
        #expect(responder.seen.isEmpty)
    }
}
