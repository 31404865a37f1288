/// Why a request could not be framed or accepted.
///
/// Every case maps to one status (see ``status``). The engine answers with a small
/// problem+json body and closes the connection, because after any of these the
/// framing of the next request is in doubt.
public enum ParseError: Error, Equatable, Sendable {
    case invalidRequestLine
    case requestLineTooLong
    case methodTooLong
    case unsupportedVersion
    case invalidTarget
    case invalidHeaderName
    case whitespaceBeforeColon
    case obsoleteLineFolding
    case invalidHeaderValue
    case bareCarriageReturn
    case headerSectionTooLarge
    case tooManyHeaderFields
    case missingHost
    case duplicateHost
    case invalidHost
    case invalidContentLength
    case duplicateContentLength
    case contentLengthWithTransferEncoding
    case unsupportedTransferEncoding
    case transferEncodingInHTTP10
    case invalidChunkedEncoding
    case bodyTooLarge
    case unsupportedExpectation

    /// The status code RFC 9110/9112 prescribe for this failure.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: return .uriTooLong
        case .unsupportedTransferEncoding, .methodTooLong: return .notImplemented
        case .unsupportedVersion: return .httpVersionNotSupported
        case .headerSectionTooLarge, .tooManyHeaderFields: return .requestHeaderFieldsTooLarge
        case .bodyTooLarge: return .contentTooLarge
        case .unsupportedExpectation: return .expectationFailed
        default: return .badRequest
        }
    }

    /// A one-line explanation for the problem body.
    public var detail: String {
        switch self {
        case .invalidRequestLine: return "The request line is not 'method SP target SP HTTP-version'."
        case .requestLineTooLong: return "The request line exceeds the configured limit."
        case .methodTooLong: return "The request method is longer than any method this server implements."
        case .unsupportedVersion: return "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .invalidTarget: return "The request target contains bytes that are not allowed."
        case .invalidHeaderName: return "A header field name contains a byte that is not a token character."
        case .whitespaceBeforeColon: return "Whitespace between a header field name and the colon is not allowed."
        case .obsoleteLineFolding: return "Obsolete line folding (obs-fold) is not accepted."
        case .invalidHeaderValue: return "A header field value contains a control character."
        case .bareCarriageReturn: return "A carriage return not followed by a line feed."
        case .headerSectionTooLarge: return "The header section exceeds the configured size limit."
        case .tooManyHeaderFields: return "The request has more header fields than allowed."
        case .missingHost: return "HTTP/1.1 requests must carry exactly one Host header field."
        case .duplicateHost: return "The request carries more than one Host header field."
        case .invalidHost: return "The Host header field is not a valid host[:port] (RFC 3986 host, port 1-65535)."
        case .invalidContentLength: return "Content-Length is not a valid non-negative decimal number."
        case .duplicateContentLength: return "The request carries more than one Content-Length value."
        case .contentLengthWithTransferEncoding: return "Content-Length and Transfer-Encoding must not be sent together."
        case .unsupportedTransferEncoding: return "Only the 'chunked' transfer coding is implemented."
        case .transferEncodingInHTTP10: return "Transfer-Encoding is not allowed in an HTTP/1.0 request."
        case .invalidChunkedEncoding: return "The chunked request body is malformed."
        case .bodyTooLarge: return "The request body exceeds the configured limit."
        case .unsupportedExpectation: return "Only 'Expect: 100-continue' is supported."
        }
    }
}
