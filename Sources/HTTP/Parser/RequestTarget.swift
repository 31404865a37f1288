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
        /// CONNECT (a tunnel, RFC 9110 §9.3.6): no origin server here implements it.
        case tunnelNotImplemented

        /// 501 for a method this server does not implement (RFC 9110 §15.6.2), else 400.
        public var status: HTTPStatus { self == .tunnelNotImplemented ? .notImplemented : .badRequest }

        public var detail: String {
            switch self {
            case .unsupportedForm: return "The request target must be an absolute path, an absolute URI, or '*' for OPTIONS."
            case .invalidPercentEncoding: return "The request target contains an invalid percent-escape."
            case .invalidUTF8: return "The request target decodes to bytes that are not valid UTF-8."
            case .encodedNUL: return "The request target contains an encoded NUL byte."
            case .invalidAuthority: return "The absolute-form target's authority is not a valid host[:port] (no user information)."
            case .tunnelNotImplemented: return "CONNECT is not implemented: this is an origin server, not a proxy."
            }
        }
    }

    public static func parse(_ target: String, method: HTTPMethod) throws(Failure) -> RequestTarget {
        guard method != .connect else { throw .tunnelNotImplemented }
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
        guard raw.first == "/" else { throw .unsupportedForm }
        var origin = raw
        var parsed = try origin.withUTF8 { parseOrigin($0) }.get()
        parsed.authority = authorityFound
        return parsed
    }

    /// An origin-form target (`/path?query`, its first byte `/`), read over its bytes: the path,
    /// its segments and the query pairs, each percent-decoded. "/", "?", "&" and "=" are ASCII,
    /// so splitting bytes needs no grapheme breaking.
    static func parseOrigin(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<RequestTarget, Failure> {
        guard !bytes.contains(UInt8(ascii: "#")) else { return .failure(.unsupportedForm) }
        let question = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        do throws(Failure) {
            var segments: [String] = []
            var start = 0
            for index in 0...question where index == question || bytes[index] == UInt8(ascii: "/") {
                if index > start { segments.append(try decode(bytes[start..<index], plusIsSpace: false)) }
                start = index + 1
            }
            let path = try decode(bytes[0..<question], plusIsSpace: false)
            var query: [Query] = []
            if question < bytes.count {
                start = question + 1
                for index in start...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "&") {
                    if index > start {
                        let pair = bytes[start..<index]
                        if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                            query.append(Query(
                                name: try decode(bytes[start..<equals], plusIsSpace: true),
                                value: try decode(bytes[(equals + 1)..<index], plusIsSpace: true)
                            ))
                        } else {
                            query.append(Query(name: try decode(pair, plusIsSpace: true), value: ""))
                        }
                    }
                    start = index + 1
                }
            }
            return .success(RequestTarget(path: path, segments: segments, query: query))
        } catch {
            return .failure(error)
        }
    }

    static func stripScheme(_ raw: Substring) -> Substring? {
        for scheme in ["http://", "https://"] where raw.count >= scheme.count {
            let prefix = raw.prefix(scheme.count)
            if HTTPHeaders.equalsIgnoringCase(String(prefix), scheme) { return raw.dropFirst(scheme.count) }
        }
        return nil
    }

    /// Percent-decodes `text`; in a query, `+` is a space (form encoding).
    public static func decode(_ text: Substring, plusIsSpace: Bool) throws(Failure) -> String {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(Failure) in try decode(bytes[...], plusIsSpace: plusIsSpace) }
        }.get()
    }

    /// Percent-decodes target bytes (visible ASCII, as the request line allows); the result
    /// must be UTF-8.
    static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, plusIsSpace: Bool) throws(Failure) -> String {
        let needsDecoding = bytes.contains { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }
        guard needsDecoding else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.endIndex, let high = ASCII.hexValue(bytes[index + 1]),
                      let low = ASCII.hexValue(bytes[index + 2])
                else { throw .invalidPercentEncoding }
                let value = high << 4 | low
                guard value != 0 else { throw .encodedNUL }
                decoded.append(value)
                index += 3
                continue
            case UInt8(ascii: "+") where plusIsSpace:
                decoded.append(ASCII.space)
            default:
                decoded.append(byte)
            }
            index += 1
        }
        guard let string = String(validating: decoded, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }
}
