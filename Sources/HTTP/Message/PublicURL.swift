/// The address clients use to reach the service (`publicUrl`, e.g.
/// `https://api.example.org/accord`). When configured, every absolute URL the server writes
/// (body links, `Link`, OpenAPI `servers`, the explorer's API origin) is built from it alone,
/// so no request header (Host, Forwarded, X-Forwarded-*) can steer a link or poison a cache.
public struct PublicURL: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    /// "" or a path without a trailing slash ("/accord").
    public let prefix: String

    /// `http(s)://host[:port][/path]`: no user information, query or fragment, and only
    /// characters that are safe in a URL and a header.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        let scheme: String
        if lowered.hasPrefix("https://") {
            scheme = "https"
        } else if lowered.hasPrefix("http://") {
            scheme = "http"
        } else {
            return nil
        }
        let rest = text.dropFirst(scheme.count + 3)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = String(rest[..<slash])
        var prefix = String(rest[slash...])
        while prefix.hasSuffix("/") { prefix.removeLast() }
        guard ForwardingPolicy.isHost(host), HostSyntax.isValid(host) else { return nil }
        guard prefix.isEmpty || ForwardingPolicy.isPrefix(prefix) else { return nil }
        self.scheme = scheme
        self.host = host
        self.prefix = prefix
    }

    public var description: String { "\(scheme)://\(host)\(prefix)" }
}
