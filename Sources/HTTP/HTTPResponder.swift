/// Produces the response for one request.
///
/// Contract: called on an event-loop thread, once per request, in the order requests arrive
/// on a connection. It must not block: Accord's data is in memory, so every handler
/// answers synchronously. A responder never throws; errors are responses (see ``Problem``).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A responder made from a closure (tests, small servers).
public struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    public init(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.handler = handler }
    public func respond(to request: HTTPRequest) -> HTTPResponse { handler(request) }
}
