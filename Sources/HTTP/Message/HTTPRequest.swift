/// A fully received request, as the parser framed it and the target parser split it.
///
/// Header names are lowercased. `path` and `query` are percent-decoded; `target` is
/// the raw request-target for logging.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The method token as sent when `method` is `other` (a tchar token: safe in JSON and logs).
    public var otherMethod: String?
    /// The method as the client sent it: for messages and the access log (metrics keep `OTHER`).
    public var methodName: String { otherMethod ?? method.rawValue }
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Percent-decoded path, always starting with "/" ("*" for an asterisk-form OPTIONS).
    public var path: String
    /// Path segments, each percent-decoded separately, so an encoded "/" stays inside its segment.
    public var pathSegments: [String]
    /// Decoded query parameters in order of appearance (`+` means space).
    public var query: [(name: String, value: String)]
    /// Whether the client asked to keep the connection open after this exchange.
    public var keepAlive: Bool
    /// Set by the engine: the peer's address, the request ID, and the arrival time.
    public var context: RequestContext

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http11,
        headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], keepAlive: Bool = true,
        context: RequestContext = RequestContext()
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
        self.context = context
        self.path = "/"
        self.pathSegments = []
        self.query = []
    }

    /// The first value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// Per-request facts the engine knows and handlers may use.
public struct RequestContext: Sendable {
    /// The TCP peer, e.g. "127.0.0.1:52144" or "[::1]:52144".
    public var peer: String
    /// The peer's IP address alone (for trusted-proxy checks).
    public var peerAddress: String
    /// The client's well-formed `X-Request-ID`, or one the engine generated.
    public var requestID: String
    /// Whether the connection is TLS.
    public var isSecure: Bool
    /// The client's address: the peer, or what a trusted proxy forwarded.
    public var clientAddress: String
    /// "http" or "https" as the client used it (forwarded by a trusted proxy, or the connection's).
    public var scheme: String
    /// The host (and port) the client addressed (forwarded by a trusted proxy, or `Host`).
    public var host: String
    /// A path prefix a trusted proxy mounted the service under ("" or "/accord").
    public var prefix: String
    /// The scheme, host or prefix may come from a trusted proxy's forwarded headers (no
    /// `publicUrl`): a representation with links then varies with those headers.
    public var linksFollowForwardedHeaders = false

    public init(peer: String = "", peerAddress: String = "", requestID: String = "", isSecure: Bool = false) {
        self.peer = peer
        self.peerAddress = peerAddress
        self.requestID = requestID
        self.isSecure = isSecure
        self.clientAddress = peerAddress
        self.scheme = isSecure ? "https" : "http"
        self.host = ""
        self.prefix = ""
    }

    /// The absolute URL of `pathAndQuery` as the client sees this service.
    public func absoluteURL(_ pathAndQuery: String) -> String {
        "\(scheme)://\(host.isEmpty ? "localhost" : host)\(prefix)\(pathAndQuery)"
    }
}
