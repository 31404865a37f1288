import HTTP

/// Cross-origin rules (Fetch standard): which origins may read responses, and the preflight.
public struct CORSPolicy: Sendable {
    /// `["*"]` allows every origin; otherwise exact origins ("https://app.example").
    public var allowedOrigins: [String]

    public init(allowedOrigins: [String] = ["*"]) {
        self.allowedOrigins = allowedOrigins
    }

    var allowsAny: Bool { allowedOrigins.contains("*") }

    static let exposed = "ETag, Link, X-Request-ID, Content-Length"
    static let allowedHeaders = "Accept, Content-Type, If-None-Match, X-Request-ID"

    func allowedOrigin(for origin: String) -> String? {
        if allowsAny { return "*" }
        return allowedOrigins.contains(origin) ? origin : nil
    }

    /// Adds `Access-Control-Allow-Origin` and friends to an actual response.
    ///
    /// With `*` the headers go on every response, with or without `Origin`, so a response
    /// cached from a same-origin request is valid for a cross-origin one. With a list of
    /// origins the answer depends on `Origin`, so `Vary: Origin` tells caches to keep them apart.
    func decorate(_ response: inout HTTPResponse, origin: String?) {
        if allowsAny {
            response.headers.add("Access-Control-Allow-Origin", "*")
            response.headers.add("Access-Control-Expose-Headers", Self.exposed)
            return
        }
        // One Vary field listing both, so caches that read only the first still see Origin.
        let vary = response.headers["vary"].map { $0 + ", Origin" } ?? "Origin"
        response.headers.set("Vary", vary)
        guard let origin, let allowed = allowedOrigin(for: origin) else { return }
        response.headers.add("Access-Control-Allow-Origin", allowed)
        response.headers.add("Access-Control-Expose-Headers", Self.exposed)
    }

    /// The answer to a preflight `OPTIONS` (204; no allow headers for an origin not allowed).
    func preflight(origin: String) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        if !allowsAny { response.headers.add("Vary", "Origin") }
        guard let allowed = allowedOrigin(for: origin) else { return response }
        response.headers.add("Access-Control-Allow-Origin", allowed)
        response.headers.add("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        response.headers.add("Access-Control-Allow-Headers", Self.allowedHeaders)
        response.headers.add("Access-Control-Max-Age", "86400")
        return response
    }
}
