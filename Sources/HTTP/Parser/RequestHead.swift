/// What the header section means for framing and the connection (RFC 9112 §6, §9).
struct RequestHead: Sendable {
    var headers = HTTPHeaders()
    var contentLength: Int?
    var chunked = false
    var keepAlive = true
    var expectsContinue = false

    static func interpret(_ headers: HTTPHeaders, version: HTTPVersion) -> Result<RequestHead, ParseError> {
        var head = RequestHead()
        head.headers = headers
        var hostCount = 0
        var contentLengthCount = 0
        var transferCodings: [Substring] = []
        var connectionClose = false
        var connectionKeepAlive = false
        for (name, value) in headers {
            switch name {
            case "host":
                hostCount += 1
                guard HostSyntax.isValid(value) else { return .failure(.invalidHost) }
            case "content-length":
                contentLengthCount += 1
                guard let length = parseContentLength(value) else { return .failure(.invalidContentLength) }
                head.contentLength = length
            case "transfer-encoding":
                transferCodings.append(contentsOf: value.split(separator: ",", omittingEmptySubsequences: false))
            case "connection":
                for token in value.split(separator: ",") {
                    let option = token.trimmingSpaces()
                    if HTTPHeaders.equalsIgnoringCase(String(option), "close") { connectionClose = true }
                    if HTTPHeaders.equalsIgnoringCase(String(option), "keep-alive") { connectionKeepAlive = true }
                }
            case "expect":
                guard HTTPHeaders.equalsIgnoringCase(value, "100-continue") else {
                    return .failure(.unsupportedExpectation)
                }
                head.expectsContinue = true
            default:
                break
            }
        }
        if hostCount > 1 { return .failure(.duplicateHost) }
        if hostCount == 0 && version == .http11 { return .failure(.missingHost) }
        if contentLengthCount > 1 { return .failure(.duplicateContentLength) }
        if !transferCodings.isEmpty {
            // Both framings at once is the classic smuggling vector: refuse, never pick one.
            if contentLengthCount > 0 { return .failure(.contentLengthWithTransferEncoding) }
            if version == .http10 { return .failure(.transferEncodingInHTTP10) }
            guard transferCodings.count == 1,
                  HTTPHeaders.equalsIgnoringCase(String(transferCodings[0].trimmingSpaces()), "chunked")
            else { return .failure(.unsupportedTransferEncoding) }
            head.chunked = true
        }
        switch version {
        case .http11: head.keepAlive = !connectionClose
        case .http10: head.keepAlive = connectionKeepAlive && !connectionClose
        }
        if !head.chunked && (head.contentLength ?? 0) == 0 { head.expectsContinue = false }
        // An HTTP/1.0 client gets no 1xx and its expectation is ignored (RFC 9110 §10.1.1, §15.2).
        if version == .http10 { head.expectsContinue = false }
        return .success(head)
    }

    /// `1*DIGIT`, at most 18 digits so it cannot overflow; lists ("5, 5") are refused.
    static func parseContentLength(_ value: String) -> Int? {
        let utf8 = value.utf8
        guard !utf8.isEmpty, utf8.count <= 18 else { return nil }
        var length = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            length = length * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return length
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (OWS).
    public func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
