/// Produces the response for one request.
///
/// Contract: called on an event-loop thread, once per request, in the order requests arrive
/// on a connection. It must not block: Accord's data is in memory, so every handler
/// answers synchronously. A responder never throws; errors are responses (see ``Problem``).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// For a request that sent `Expect: 100-continue`: the final response to send instead of
    /// `100 Continue` (a 404 or 405 the body cannot change), or nil to ask for the body.
    /// `request` has its head only. The connection closes after a refusal (its body is unread).
    func refusesBody(_ request: HTTPRequest) -> HTTPResponse?

    /// Adds what every response must carry to one the engine makes itself for a request it
    /// could not read or route (400, 413, 414, 431…): CORS headers, so a browser can read the
    /// error. `origin` is the request's `Origin` when its header section was read.
    func decorate(rejection: inout HTTPResponse, origin: String?)

    /// Called for each response the engine sends itself before routing, closing the connection
    /// (a malformed or oversized request, a timeout, a body refused): for metrics.
    func rejected(with response: HTTPResponse)

    /// Called once ``respond(to:)`` has returned, with the time it took as the engine measured
    /// it (the engine reads the clock around the call anyway, for fairness): for metrics, so a
    /// responder need not read the clock itself.
    func responded(to request: HTTPRequest, with response: HTTPResponse, nanoseconds: UInt64)
}

extension HTTPResponder {
    public func refusesBody(_ request: HTTPRequest) -> HTTPResponse? { nil }
    public func decorate(rejection: inout HTTPResponse, origin: String?) {}
    public func rejected(with response: HTTPResponse) {}
    public func responded(to request: HTTPRequest, with response: HTTPResponse, nanoseconds: UInt64) {}
}

/// A responder made from a closure (tests, small servers).
public struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    public init(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.handler = handler }
    public func respond(to request: HTTPRequest) -> HTTPResponse { handler(request) }
}
