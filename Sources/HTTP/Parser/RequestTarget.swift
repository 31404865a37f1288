/// Splits a request-target into a decoded path, path segments and query (RFC 9112 §3.2).
///
/// Accepts origin-form (`/path?query`), absolute-form (`http://host/path?query`) and, for
/// OPTIONS, asterisk-form (`*`). Runs after framing, so a bad target is a 400 that leaves
/// the connection usable.
public struct RequestTarget: Sendable, Equatable {
    public var path: String
    public var segments: [String]
    public var query: [Query]
    /// The authority of an absolute-form target (`http://host:port/…`); it wins over `Host`.
    public var authority: String?

    public struct Query: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public enum Failure: Error, Equatable, Sendable {
        case unsupportedForm
        case invalidPercentEncoding
        case invalidUTF8
        case encodedNUL
        case invalidAuthority

        public var detail: String {
            switch self {
            case .unsupportedForm: return "The request target must be an absolute path, an absolute URI, or '*' for OPTIONS."
            case .invalidPercentEncoding: return "The request target contains an invalid percent-escape."
            case .invalidUTF8: return "The request target decodes to bytes that are not valid UTF-8."
            case .encodedNUL: return "The request target contains an encoded NUL byte."
            case .invalidAuthority: return "The absolute-form target's authority is not a valid host[:port] (no user information)."
            }
        }
    }

    public static func parse(_ target: String, method: HTTPMethod) throws(Failure) -> RequestTarget {
        var raw = Substring(target)
        var authorityFound: String?
        if raw == "*" {
            guard method == .options else { throw .unsupportedForm }
            return RequestTarget(path: "*", segments: [], query: [])
        }
        if raw.first != "/", let afterScheme = stripScheme(raw) {
            // absolute-form: drop the authority; the path starts at the first "/" or "?".
            let pathStart = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
            let authority = String(afterScheme[..<pathStart])
            // RFC 9110 §4.2.4: no userinfo in an http(s) URI; RFC 9112 §3.2.2: its host is the host.
            guard !authority.isEmpty, !authority.contains("@"), HostSyntax.isValid(authority) else { throw .invalidAuthority }
            authorityFound = authority
            raw = afterScheme[pathStart...]
            if raw.first != "/" { raw = "/" + raw }
        }
        let hasFragment = raw.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "#")) }
            ?? raw.utf8.contains(UInt8(ascii: "#"))
        guard raw.first == "/", !hasFragment else { throw .unsupportedForm }
        let rawPath: Substring
        var rawQuery: Substring = ""
        if let question = raw.utf8.firstIndex(of: UInt8(ascii: "?")) {
            rawPath = raw[..<question]
            rawQuery = raw[raw.utf8.index(after: question)...]
        } else {
            rawPath = raw
        }
        var segments: [String] = []
        // Byte-wise splitting: "/", "&" and "=" are ASCII, so no grapheme breaking is needed.
        for piece in rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            segments.append(try decode(Substring(piece), plusIsSpace: false))
        }
        let path = try decode(rawPath, plusIsSpace: false)
        var query: [Query] = []
        for bytes in rawQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pair = Substring(bytes)
            if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
                query.append(Query(
                    name: try decode(pair[..<equals], plusIsSpace: true),
                    value: try decode(pair[pair.utf8.index(after: equals)...], plusIsSpace: true)
                ))
            } else {
                query.append(Query(name: try decode(pair, plusIsSpace: true), value: ""))
            }
        }
        return RequestTarget(path: path, segments: segments, query: query, authority: authorityFound)
    }

    static func stripScheme(_ raw: Substring) -> Substring? {
        for scheme in ["http://", "https://"] where raw.count >= scheme.count {
            let prefix = raw.prefix(scheme.count)
            if HTTPHeaders.equalsIgnoringCase(String(prefix), scheme) { return raw.dropFirst(scheme.count) }
        }
        return nil
    }

    /// True when `utf8` has a `%` (or a `+` that means a space). One pass over the contiguous
    /// bytes: `Substring.UTF8View.contains` walks indices and took 3% of a cache miss.
    static func needsDecoding(_ utf8: Substring.UTF8View, plusIsSpace: Bool) -> Bool {
        let scan = { (byte: UInt8) in byte == UInt8(ascii: "%") || (plusIsSpace && byte == UInt8(ascii: "+")) }
        return utf8.withContiguousStorageIfAvailable { $0.contains(where: scan) } ?? utf8.contains(where: scan)
    }

    /// Percent-decodes `text`; in a query, `+` is a space (form encoding).
    public static func decode(_ text: Substring, plusIsSpace: Bool) throws(Failure) -> String {
        let utf8 = text.utf8
        if !needsDecoding(utf8, plusIsSpace: plusIsSpace) { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(ASCII.hexValue),
                      let low = iterator.next().flatMap(ASCII.hexValue)
                else { throw .invalidPercentEncoding }
                let decoded = high << 4 | low
                guard decoded != 0 else { throw .encodedNUL }
                bytes.append(decoded)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(ASCII.space)
            default:
                bytes.append(byte)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }
}
