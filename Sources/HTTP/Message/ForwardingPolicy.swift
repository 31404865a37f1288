/// Decides the client address and the public scheme, host and prefix of each request.
///
/// - With a ``PublicURL`` configured, links come from it alone; forwarded headers are used only
///   for the client's address (logs, the per-client cap), and only from trusted proxies.
/// - Without one, `Host` (or an absolute-form target's authority) gives the host, and a trusted
///   proxy's forwarded headers may override scheme, host and prefix. Responses built that way
///   say so (``RequestContext/linksFollowForwardedHeaders``) so that they carry `Vary` on them.
///
/// From an untrusted peer every forwarded header is ignored. From a trusted one, exactly one
/// family is read per request: `X-Forwarded-*` when `X-Forwarded-For` is present, otherwise
/// `Forwarded` (RFC 7239). X-Forwarded-* wins because it is what nginx, HAProxy, Caddy and
/// Varnish set (and the shipped examples overwrite every one of them), while few proxies set,
/// or clear, `Forwarded`; reading both would let a client-sent `Forwarded` pass through a proxy
/// that only manages X-Forwarded-*. The client address is the right-most forwarded address that
/// is not itself a trusted proxy.
public struct ForwardingPolicy: Sendable {
    public var trustedProxies: [CIDR]
    public var publicURL: PublicURL?

    public init(trustedProxies: [CIDR], publicURL: PublicURL? = nil) {
        self.trustedProxies = trustedProxies
        self.publicURL = publicURL
    }

    func isTrusted(_ address: String) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// Sets the request's client address, scheme, host and prefix. `targetAuthority` is the
    /// authority of an absolute-form target, which wins over `Host` (RFC 9112 §3.2.2).
    public func apply(to request: inout HTTPRequest, targetAuthority: String? = nil) {
        let trusted = !trustedProxies.isEmpty && isTrusted(request.context.peerAddress)
        if let publicURL {
            request.context.scheme = publicURL.scheme
            request.context.host = publicURL.host
            request.context.prefix = publicURL.prefix
            if trusted { request.context.clientAddress = clientAddress(request) ?? request.context.clientAddress }
            return
        }
        // Host is client-controlled and ends up in Link headers and bodies: keep only a
        // plain host[:port] (anything else reads as no host, i.e. "localhost").
        let host = targetAuthority ?? request.headers["host"] ?? ""
        request.context.host = Self.isHost(host) ? Self.withoutEmptyPort(host) : ""
        guard trusted else { return }
        request.context.linksFollowForwardedHeaders = true
        if request.headers["x-forwarded-for"] != nil {
            // Each the nearest proxy's value: the last element over every line, as one joined
            // line reads (RFC 9110 §5.3). The first line alone let a client's own line win over
            // that of a proxy that appends (HAProxy's `add-header`) rather than replaces.
            if let proto = Self.last(request.headers.values("x-forwarded-proto")), Self.isScheme(proto) {
                request.context.scheme = proto.lowercased()
            }
            if let host = Self.last(request.headers.values("x-forwarded-host")), Self.isHost(host) {
                request.context.host = Self.withoutEmptyPort(host)
            }
            if let prefix = Self.last(request.headers.values("x-forwarded-prefix")), Self.isPrefix(prefix) {
                request.context.prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
            }
        } else if let forwarded = request.headers.values("forwarded").nonEmpty,
                  let last = Self.parseForwarded(forwarded.joined(separator: ",")).last {
            if let proto = last["proto"], Self.isScheme(proto) { request.context.scheme = proto.lowercased() }
            if let host = last["host"], Self.isHost(host) { request.context.host = Self.withoutEmptyPort(host) }
        }
        request.context.clientAddress = clientAddress(request) ?? request.context.clientAddress
    }

    /// "example.org:" is "example.org" (RFC 3986 §3.2.3: an empty port is the scheme's default,
    /// and a URL is written without it).
    static func withoutEmptyPort(_ host: String) -> String {
        host.hasSuffix(":") ? String(host.dropLast()) : host
    }

    /// The right-most forwarded address that is not a trusted proxy (same family rule as above).
    func clientAddress(_ request: HTTPRequest) -> String? {
        let chain: [String]
        if request.headers["x-forwarded-for"] != nil {
            chain = request.headers.values("x-forwarded-for")
                .flatMap { $0.split(separator: ",") }
                .map { String($0.trimmingSpaces()) }
        } else if let forwarded = request.headers.values("forwarded").nonEmpty {
            chain = Self.parseForwarded(forwarded.joined(separator: ",")).compactMap { $0["for"].map(Self.stripForwardedNode) }
        } else {
            return nil
        }
        // Walk from the nearest hop outwards; the first untrusted address is the client.
        var client: String?
        for address in chain.reversed() where CIDR.parseAddress(address) != nil {
            client = address
            if !isTrusted(address) { break }
        }
        return client
    }

    /// The last element of a field's comma lists, over all its lines, trimmed.
    static func last(_ lines: [String]) -> String? {
        lines.joined(separator: ",").split(separator: ",").last.map { String($0.trimmingSpaces()) }
    }

    /// `for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8::1]:4711"` → one dictionary per element.
    static func parseForwarded(_ value: String) -> [[String: String]] {
        value.split(separator: ",").map { element in
            var pairs: [String: String] = [:]
            for pair in element.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                var raw = String(parts[1].trimmingSpaces())
                if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 { raw = String(raw.dropFirst().dropLast()) }
                pairs[String(parts[0].trimmingSpaces()).lowercased()] = raw
            }
            return pairs
        }
    }

    /// `[2001:db8::1]:4711` → `2001:db8::1`; `192.0.2.60:80` → `192.0.2.60`.
    static func stripForwardedNode(_ node: String) -> String {
        if node.hasPrefix("["), let close = node.firstIndex(of: "]") {
            return String(node[node.index(after: node.startIndex)..<close])
        }
        if node.filter({ $0 == ":" }).count == 1, let colon = node.firstIndex(of: ":") {
            return String(node[..<colon])
        }
        return node
    }

    static func isScheme(_ value: String) -> Bool {
        HTTPHeaders.equalsIgnoringCase(value, "http") || HTTPHeaders.equalsIgnoringCase(value, "https")
    }

    /// A host[:port] with no characters that could break out of a URL.
    /// A plain `host[:port]`: letters, digits, "-", ".", "_", "~", ":" and IPv6 brackets
    /// (RFC 3986 reg-name / IP-literal without escapes), so never "/", "#", "@", "?" or spaces.
    static func isHost(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard !utf8.isEmpty, utf8.count <= 255 else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isHostByte) } ?? utf8.allSatisfy(isHostByte)
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    /// "/accord": starts with "/", plain path characters only.
    static func isPrefix(_ value: String) -> Bool {
        value.hasPrefix("/") && value.utf8.count <= 200 && value.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        } && !value.contains("..")
    }
}

extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}
