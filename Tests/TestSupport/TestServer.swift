import Foundation
import HTTP

/// Starts an ``HTTPServer`` on 127.0.0.1 with an ephemeral port for one test.
public final class TestServer: @unchecked Sendable {
    // @unchecked Sendable: `server` is set once in init and only read afterwards.
    public let server: HTTPServer
    public var port: Int { server.port }

    public init(
        configure: (inout ServerConfiguration) -> Void = { _ in },
        responder: any HTTPResponder = TestServer.echo,
        tls: TLSContext? = nil,
        clock: any MonotonicClock = SystemClock()
    ) throws {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        configuration.accessLogEnabled = false
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: responder, tls: tls, clock: clock)
        try server.start()
    }

    public func client(timeout: Double = 3, source: String? = nil) throws -> RawClient {
        try RawClient(port: port, timeout: timeout, source: source)
    }

    public func stop() {
        server.shutdown()
        server.waitUntilStopped()
    }

    deinit { stop() }

    /// Echoes what the server understood, as JSON, so tests can check parsing end to end.
    public static let echo = ClosureResponder { request in
        let query = request.query.map { "\(JSONString.quote($0.name)):\(JSONString.quote($0.value))" }.joined(separator: ",")
        let body = "{\"method\":\(JSONString.quote(request.method.rawValue)),\"path\":\(JSONString.quote(request.path)),"
            + "\"query\":{\(query)},\"bodyLength\":\(request.body.count),"
            + "\"body\":\(JSONString.quote(String(decoding: request.body, as: UTF8.self))),"
            + "\"client\":\(JSONString.quote(request.context.clientAddress))}"
        return HTTPResponse(contentType: "application/json", body: body)
    }
}

/// Waits (bounded) until `condition` holds: the server's loops act within their sweep interval.
/// A bound on waiting, not a timing assertion: the test fails only if the condition never holds.
public func eventually(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return condition()
}
