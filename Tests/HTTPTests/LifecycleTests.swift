#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import HTTP
import TestSupport

/// The lifecycle's defences over real sockets: per-client caps, the header clock from
/// accept (on a manual clock), one unsent response per connection, the server-wide budget.
@Suite("Connection lifecycle over real sockets", .serialized)
struct LifecycleTests {
    @Test func aSilentConnectionIsClosedAtTheHeaderTimeoutFromAcceptNotTheIdleTimeout() throws {
        let clock = ManualClock()
        let server = try TestServer(configure: {
            $0.timeouts.header = 10
            $0.timeouts.idle = 75
        }, clock: clock)
        let silent = try server.client(timeout: 2)
        let served = try server.client(timeout: 2)
        try served.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try served.readResponse().status == 200)
        #expect(eventually { server.server.statistics.openConnections.load(ordering: .relaxed) == 2 })
        clock.advance(seconds: 10.5)
        // The silent one goes at its header deadline, without an answer; the served keep-alive one stays.
        #expect(silent.isClosedByPeer())
        #expect(silent.buffer.isEmpty)
        try served.send("GET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try served.readResponse().status == 200)
        clock.advance(seconds: 76)
        #expect(served.isClosedByPeer())
    }

    @Test func aSlowHeaderGets408AtItsDeadline() throws {
        let clock = ManualClock()
        let server = try TestServer(configure: { $0.timeouts.header = 10 }, clock: clock)
        let slow = try server.client(timeout: 2)
        try slow.send("GET / HTTP/1.1\r\nHost: t\r\n")
        #expect(eventually { server.server.statistics.openConnections.load(ordering: .relaxed) == 1 })
        clock.advance(seconds: 11)
        #expect(try slow.readResponse().status == 408)
    }

    @Test func oneClientAddressCannotTakeEverySlot() throws {
        let server = try TestServer { $0.maxConnectionsPerClient = 5 }
        var held: [RawClient] = []
        for _ in 0..<5 { held.append(try server.client(source: "127.0.0.2")) }
        #expect(eventually { server.server.statistics.openConnections.load(ordering: .relaxed) == 5 })
        let refused = try server.client(source: "127.0.0.2")
        try refused.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        let answer = try refused.readResponse()
        #expect(answer.status == 503)
        #expect(answer.header("Retry-After") == "1")
        let other = try server.client(source: "127.0.0.1")
        try other.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().status == 200)
        #expect(server.server.statistics.refusedPerClient.load(ordering: .relaxed) == 1)
        // A closed connection gives its place back.
        held.removeAll()
        #expect(eventually { server.server.statistics.openConnections.load(ordering: .relaxed) == 1 })
        let again = try server.client(source: "127.0.0.2")
        try again.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try again.readResponse().status == 200)
    }

    @Test func behindATrustedProxyClientsAreCountedByForwardedAddress() throws {
        let server = try TestServer {
            $0.maxConnectionsPerClient = 2
            $0.trustedProxies = [CIDR("127.0.0.1/32")].compactMap { $0 }
        }
        var proxied: [RawClient] = []
        for index in 0..<4 {
            let client = try server.client()
            try client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n")
            let status = try client.readResponse().status
            #expect(status == (index < 2 ? 200 : 503), "connection \(index)")
            proxied.append(client)
        }
        let other = try server.client()
        try other.send("GET / HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 198.51.100.7\r\n\r\n")
        #expect(try other.readResponse().status == 200)
    }

    @Test func pipelinedRequestsWaitWhileAResponseIsUnsent() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 8 << 20)
        let server = try TestServer(responder: ClosureResponder { _ in HTTPResponse(body: big) })
        let client = try server.client(timeout: 10)
        var pipeline = ""
        for index in 0..<20 { pipeline += "GET /r/\(index) HTTP/1.1\r\nHost: t\r\n\r\n" }
        try client.send(pipeline)
        // The kernel takes some of the first body; the rest waits, and nothing more is rendered.
        #expect(eventually { server.server.statistics.unsentBytes.load(ordering: .relaxed) > 0 })
        Thread.sleep(forTimeInterval: 0.2)
        let unsent = server.server.statistics.unsentBytes.load(ordering: .relaxed)
        #expect(unsent > 0 && unsent <= big.count + 1024, "at most one response waits (\(unsent) bytes)")
        for _ in 0..<20 {
            let response = try client.readResponse()
            #expect(response.status == 200 && response.body.count == big.count)
        }
        #expect(eventually { server.server.statistics.unsentBytes.load(ordering: .relaxed) == 0 })
    }

    @Test func overTheUnsentBudgetSmallAnswersGoOnLargeOnesAre503AndStalledReadersAreClosed() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 32 << 20)
        let server = try TestServer(configure: { $0.maxPendingWriteBytes = 1 << 20 }, responder: ClosureResponder { request in
            HTTPResponse(body: request.path == "/big" ? big : Array("ok".utf8))
        })
        let statistics = server.server.statistics
        let hog = try server.client(timeout: 10)
        try hog.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(eventually { statistics.unsentBytes.load(ordering: .relaxed) > 1 << 20 })
        // A small answer does not wait for the non-reader (it used to, until its eviction).
        let other = try server.client(timeout: 10)
        let started = Date()
        try other.send("GET /small HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().status == 200)
        #expect(Date().timeIntervalSince(started) < 0.5 && statistics.evictedSlowReaders.load(ordering: .relaxed) == 0,
                "answered before the stalled reader was evicted")
        // A large one is refused, with when to come back, and the connection closes.
        try other.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
        let refused = try other.readResponse()
        #expect(refused.status == 503 && refused.header("Retry-After") == "1" && refused.header("Connection") == "close")
        #expect(statistics.refusedOverUnsentBudget.load(ordering: .relaxed) == 1)
        // The non-reader is closed once its output has not moved for a second; the budget frees.
        #expect(eventually { statistics.evictedSlowReaders.load(ordering: .relaxed) == 1 })
        #expect(eventually { statistics.unsentBytes.load(ordering: .relaxed) == 0 })
        let later = try server.client(timeout: 10)
        try later.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try later.readResponse().body.count == big.count)
    }
}
