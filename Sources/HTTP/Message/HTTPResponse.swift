/// A response a handler returns. The engine adds `Date`, `Content-Length`,
/// `Connection` and `X-Request-ID`, and drops the body for HEAD, 204 and 304.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    /// Assigning or changing it drops ``preparedHeaders``.
    public var headers: HTTPHeaders {
        didSet { preparedHeaders = nil }
    }
    /// `headers` already serialised (a cached representation's), written as they are.
    public private(set) var preparedHeaders: PreparedHeaders?
    /// The content. Arrays are copy-on-write, so a cached body is shared, not copied.
    /// Assigning it drops ``shared``.
    public var body: [UInt8] {
        didSet { shared = nil }
    }
    /// The cached body `body` came from, which the engine may send from its memory file.
    public private(set) var shared: SharedBody?
    /// The route template that answered (``Router``), nil when none did: the responder counts
    /// requests by it once the engine has timed them (``HTTPResponder/responded(to:with:nanoseconds:)``).
    public var route: String?

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is a cached one (sent with `sendfile` where it can be).
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), shared: SharedBody) {
        self.status = status
        self.headers = headers
        self.body = shared.bytes
        self.shared = shared
    }

    /// A cached body with header fields serialised once for every response that sends it.
    public init(status: HTTPStatus = .ok, prepared: PreparedHeaders, shared: SharedBody) {
        self.status = status
        self.headers = prepared.fields
        self.preparedHeaders = prepared
        self.body = shared.bytes
        self.shared = shared
    }

    /// A response with a UTF-8 body and the given content type.
    public init(status: HTTPStatus = .ok, contentType: String, body: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.headers = headers
        self.headers.set("Content-Type", contentType)
        self.body = Array(body.utf8)
    }
}
