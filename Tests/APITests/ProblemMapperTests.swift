@testable import API
import HTTP
import Logging
import Synchronization
import Testing

/// Errors become responses in one place; an unexpected one is a 500 that tells the client
/// nothing and the operator everything.
@Suite struct ProblemMapperTests {
    final class Capture: LogHandler, @unchecked Sendable {  // @unchecked: `lines` is behind a Mutex.
        let lines = Mutex<[String]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lines.withLock { $0.append("\(event.level) \(event.message) \(fields)") }
        }
    }

    struct Broken: Error {}

    @Test func aLongValueIsEchoedShortened() {
        let long = String(repeating: "x", count: 5000)
        let body = String(decoding: APIError.invalidParameter("q", value: long, reason: "too long.").problem.response().body, as: UTF8.self)
        #expect(body.utf8.count < 1000)
        #expect(body.contains(String(repeating: "x", count: 200) + "…"))
        let short = String(decoding: APIError.unresolvedName("zzzq").problem.response().body, as: UTF8.self)
        #expect(short.contains("'zzzq'") && !short.contains("…"))
    }

    @Test func anUnexpectedErrorIsALogged500() throws {
        let capture = Capture()
        let logger = Logger(label: "test") { _ in capture }
        var request = HTTPRequest(method: .get, target: "/events", version: .http11, headers: HTTPHeaders(), body: [], keepAlive: true)
        request.path = "/events"
        request.context = RequestContext(peer: "t", peerAddress: "127.0.0.1", requestID: "req-1", isSecure: false)
        let response = ProblemMapper.response(for: Broken(), request: request, logger: logger)
        #expect(response.status == .internalServerError)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("Broken"), "the client learns nothing")
        let lines = capture.lines.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error request failed") == true && lines.first?.contains("requestId=req-1") == true
            && lines.first?.contains("path=/events") == true && lines.first?.contains("Broken") == true, "\(lines)")
        // An API error is the client's: its own status, nothing logged.
        let notFound = ProblemMapper.response(for: APIError.notFound(collection: "event", id: "x"), request: request, logger: logger)
        #expect(notFound.status == .notFound && capture.lines.withLock { $0.count } == 1)
    }
}
