/// The request methods Accord recognises (RFC 9110 §9 plus PATCH), and `other` for any
/// other well-formed method token (QUERY, BREW…): no route takes it, so the router answers
/// 405 with `Allow` on a known path and 404 elsewhere. A client's choice of method never
/// becomes a 5xx.
public enum HTTPMethod: String, Sendable, CaseIterable, Hashable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
    case options = "OPTIONS"
    case patch = "PATCH"
    case trace = "TRACE"
    case connect = "CONNECT"
    /// Any other method token; its bytes are not kept.
    case other = "OTHER"

    /// Recognises a method from the raw bytes of a request line, without allocating.
    init?(bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 3:
            if bytes.elementsEqual("GET".utf8) { self = .get; return }
            if bytes.elementsEqual("PUT".utf8) { self = .put; return }
        case 4:
            if bytes.elementsEqual("HEAD".utf8) { self = .head; return }
            if bytes.elementsEqual("POST".utf8) { self = .post; return }
        case 5:
            if bytes.elementsEqual("PATCH".utf8) { self = .patch; return }
            if bytes.elementsEqual("TRACE".utf8) { self = .trace; return }
        case 6:
            if bytes.elementsEqual("DELETE".utf8) { self = .delete; return }
        case 7:
            if bytes.elementsEqual("OPTIONS".utf8) { self = .options; return }
            if bytes.elementsEqual("CONNECT".utf8) { self = .connect; return }
        default:
            break
        }
        return nil
    }
}

/// Compared and hashed by case: the `RawRepresentable` defaults would build and hash the
/// raw-value string, and the router and the metrics look a method up on every request.
extension HTTPMethod {
    public var ordinal: Int {
        switch self {
        case .get: 0
        case .head: 1
        case .post: 2
        case .put: 3
        case .delete: 4
        case .options: 5
        case .patch: 6
        case .trace: 7
        case .connect: 8
        case .other: 9
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// The protocol versions Accord speaks. Any other well-formed `HTTP/x.y` gets 505.
public enum HTTPVersion: String, Sendable, Hashable {
    case http10 = "HTTP/1.0"
    case http11 = "HTTP/1.1"
}
