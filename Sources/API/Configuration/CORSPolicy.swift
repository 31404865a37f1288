import HTTP

/// Cross-origin rules (Fetch standard): which origins may read responses, and the preflight.
public struct CORSPolicy: Sendable {
    /// `["*"]` allows every origin; otherwise exact origins ("https://app.example").
    public var allowedOrigins: [String]
    /// Request headers a cross-origin page may send, lowercased.
    public var allowedHeaders: [String]

    /// The CORS-safelisted headers a page sets itself, conditional requests, and the tracing
    /// headers of OpenTelemetry (W3C Trace Context, Baggage) and Sentry.
    public static let defaultAllowedHeaders = [
        "accept", "accept-language", "content-language", "content-type", "if-none-match", "if-match",
        "if-modified-since", "cache-control", "pragma", "x-request-id", "x-requested-with", "traceparent", "tracestate",
        "baggage", "sentry-trace",
    ]

    public init(allowedOrigins: [String] = ["*"], allowedHeaders: [String] = CORSPolicy.defaultAllowedHeaders) {
        self.allowedOrigins = allowedOrigins
        self.allowedHeaders = allowedHeaders.map { $0.lowercased() }
    }

    var allowsAny: Bool { allowedOrigins.contains("*") }

    /// What a page's script may read: `Retry-After` too, so it can wait as a 429 or 503 asks.
    static let exposed = "ETag, Link, X-Request-ID, Content-Length, Retry-After"

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
    /// `Access-Control-Allow-Headers` reflects the requested headers that are allowed (a
    /// header asked for and not allowed is left out, so the browser refuses the request).
    func preflight(origin: String, requestedHeaders: String?) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers.add("Vary", allowsAny ? "Access-Control-Request-Headers" : "Origin, Access-Control-Request-Headers")
        guard let allowed = allowedOrigin(for: origin) else { return response }
        response.headers.add("Access-Control-Allow-Origin", allowed)
        response.headers.add("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        let requested = (requestedHeaders ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: " ").lowercased() }
        let granted = requested.filter { allowedHeaders.contains($0) }
        if !granted.isEmpty { response.headers.add("Access-Control-Allow-Headers", granted.joined(separator: ", ")) }
        response.headers.add("Access-Control-Max-Age", "86400")
        return response
    }
}
