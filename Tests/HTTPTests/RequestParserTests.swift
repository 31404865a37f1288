import Testing
@testable import HTTP

/// Parses `bytes` in one call.
func parseAll(_ bytes: [UInt8], limits: RequestParser.Limits = .init()) -> RequestParser.Result {
    var parser = RequestParser(limits: limits)
    return bytes.withUnsafeBytes { parser.parse($0) }
}

/// Delivers `bytes` cut at `cuts`, as a connection would: each call sees everything so far.
func parseIncrementally(_ bytes: [UInt8], cuts: [Int]) -> RequestParser.Result {
    var parser = RequestParser()
    var result = RequestParser.Result.needMoreData
    for end in cuts + [bytes.count] {
        result = Array(bytes[0..<end]).withUnsafeBytes { parser.parse($0) }
        if case .needMoreData = result { continue }
        return result
    }
    return result
}

struct ValidCase: CustomTestStringConvertible, Sendable {
    let name: String
    let raw: String
    let method: HTTPMethod
    let target: String
    let version: HTTPVersion
    let body: String
    let keepAlive: Bool
    var testDescription: String { name }
}

let validCases: [ValidCase] = [
    ValidCase(name: "simple GET", raw: "GET /events HTTP/1.1\r\nHost: a\r\n\r\n",
              method: .get, target: "/events", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "query and headers", raw: "GET /events?status=held&sort=-date HTTP/1.1\r\nHost: a\r\nAccept: */*\r\nUser-Agent: t\r\n\r\n",
              method: .get, target: "/events?status=held&sort=-date", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "bare LF line endings", raw: "GET / HTTP/1.1\nHost: a\n\n",
              method: .get, target: "/", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "leading empty line", raw: "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
              method: .get, target: "/", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "connection close", raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
              method: .get, target: "/", version: .http11, body: "", keepAlive: false),
    ValidCase(name: "HTTP/1.0 closes by default", raw: "GET / HTTP/1.0\r\n\r\n",
              method: .get, target: "/", version: .http10, body: "", keepAlive: false),
    ValidCase(name: "HTTP/1.0 keep-alive", raw: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
              method: .get, target: "/", version: .http10, body: "", keepAlive: true),
    ValidCase(name: "content-length body", raw: "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
              method: .post, target: "/x", version: .http11, body: "hello", keepAlive: true),
    ValidCase(name: "zero content-length", raw: "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
              method: .post, target: "/x", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "chunked body with extension and trailer",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
              method: .post, target: "/x", version: .http11, body: "hello world", keepAlive: true),
    ValidCase(name: "chunk extensions with whitespace around ';' and '=', and a quoted value",
              raw: "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5 ; a = b;c;d=\"x \\\"y\"\r\nhello\r\n0\r\n\r\n",
              method: .post, target: "/x", version: .http11, body: "hello", keepAlive: true),
    ValidCase(name: "chunked case-insensitive", raw: "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
              method: .post, target: "/x", version: .http11, body: "0123456789", keepAlive: true),
    ValidCase(name: "absolute-form", raw: "GET http://example.com:8080/events?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
              method: .get, target: "http://example.com:8080/events?x=1", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "asterisk OPTIONS", raw: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
              method: .options, target: "*", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "obs-text and tabs in a value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Note: caf\u{E9}\tok \r\n\r\n",
              method: .get, target: "/", version: .http11, body: "", keepAlive: true),
    ValidCase(name: "expect 100-continue", raw: "PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
              method: .put, target: "/x", version: .http11, body: "ok", keepAlive: true),
]

@Suite("RequestParser: valid requests")
struct RequestParserValidTests {
    @Test(arguments: validCases)
    func parsesInOneCall(_ testCase: ValidCase) throws {
        let bytes = Array(testCase.raw.utf8)
        guard case .complete(let request, let consumed) = parseAll(bytes) else {
            Issue.record("expected complete for \(testCase.name)")
            return
        }
        #expect(consumed == bytes.count)
        #expect(request.method == testCase.method)
        #expect(request.target == testCase.target)
        #expect(request.version == testCase.version)
        #expect(String(decoding: request.body, as: UTF8.self) == testCase.body)
        #expect(request.keepAlive == testCase.keepAlive)
    }

    @Test(arguments: validCases)
    func everyPrefixNeedsMoreData(_ testCase: ValidCase) {
        let bytes = Array(testCase.raw.utf8)
        for length in 0..<bytes.count {
            let result = parseAll(Array(bytes[0..<length]))
            guard case .needMoreData = result else {
                Issue.record("prefix of \(length) bytes of '\(testCase.name)' gave \(result)")
                return
            }
        }
    }

    @Test(arguments: validCases)
    func splitAtEveryByteParsesTheSame(_ testCase: ValidCase) {
        let bytes = Array(testCase.raw.utf8)
        for cut in 1..<bytes.count {
            guard case .complete(let request, let consumed) = parseIncrementally(bytes, cuts: [cut]) else {
                Issue.record("split at \(cut) of '\(testCase.name)' did not complete")
                return
            }
            #expect(consumed == bytes.count)
            #expect(request.target == testCase.target)
            #expect(String(decoding: request.body, as: UTF8.self) == testCase.body)
        }
    }

    @Test(arguments: validCases)
    func byteByByteParsesTheSame(_ testCase: ValidCase) {
        let bytes = Array(testCase.raw.utf8)
        guard case .complete(let request, _) = parseIncrementally(bytes, cuts: Array(1..<bytes.count)) else {
            Issue.record("byte-by-byte '\(testCase.name)' did not complete")
            return
        }
        #expect(request.method == testCase.method)
        #expect(String(decoding: request.body, as: UTF8.self) == testCase.body)
    }

    @Test func headersAreLowercasedAndTrimmed() throws {
        guard case .complete(let request, _) = parseAll(Array("GET / HTTP/1.1\r\nHOST:  a.example \r\nX-Mixed-Case: V\r\n\r\n".utf8)) else {
            Issue.record("not complete")
            return
        }
        #expect(request.headers.fields.map(\.name) == ["host", "x-mixed-case"])
        #expect(request.headers["Host"] == "a.example")
        #expect(request.headers["x-mixed-case"] == "V")
    }

    @Test func pipelinedRequestsParseOneAfterAnother() {
        let bytes = Array("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var parser = RequestParser()
        var targets: [String] = []
        var offset = 0
        while offset < bytes.count {
            let result = Array(bytes[offset...]).withUnsafeBytes { parser.parse($0) }
            guard case .complete(let request, let consumed) = result else { break }
            targets.append(request.target)
            offset += consumed
        }
        #expect(targets == ["/a", "/b"])
    }

    /// The expectation is visible before the body, from HTTP/1.1; from HTTP/1.0 it is ignored
    /// (RFC 9110 §10.1.1: a server MUST ignore it, and §15.2: never send that client a 1xx).
    /// RFC 9112 §2.3: a higher minor version of HTTP/1 is read as HTTP/1.1.
    @Test(arguments: ["HTTP/1.2", "HTTP/1.9"])
    func aHigherMinorVersionIsReadAsHTTP11(_ version: String) {
        var parser = RequestParser()
        let raw = Array("GET / \(version)\r\nHost: a\r\n\r\n".utf8)
        let result = raw.withUnsafeBytes { parser.parse($0) }
        guard case .complete(let request, _) = result else {
            Issue.record("expected a request, got \(result)")
            return
        }
        #expect(request.version == .http11)
    }

    @Test(arguments: [("HTTP/1.1", "Host: a\r\n", true), ("HTTP/1.0", "", false)])
    func expectContinueIsVisibleBeforeTheBody(_ version: String, _ host: String, _ expected: Bool) {
        var parser = RequestParser()
        let head = Array("PUT /x \(version)\r\n\(host)Expect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8)
        let result = head.withUnsafeBytes { parser.parse($0) }
        guard case .needMoreData = result else {
            Issue.record("expected needMoreData")
            return
        }
        #expect(parser.isAwaitingBody)
        #expect(parser.expectsContinue == expected)
    }
}

struct InvalidCase: CustomTestStringConvertible, Sendable {
    let name: String
    let raw: String
    let error: ParseError
    var testDescription: String { name }
}

let invalidCases: [InvalidCase] = [
    InvalidCase(name: "garbage line", raw: "HELLO\r\n\r\n", error: .invalidRequestLine),
    InvalidCase(name: "two spaces", raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidRequestLine),
    InvalidCase(name: "lowercase version", raw: "GET / http/1.1\r\nHost: a\r\n\r\n", error: .invalidRequestLine),
    InvalidCase(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", error: .unsupportedVersion),
    // A TLS ClientHello on the plain port: refused at its first byte, with no line end yet.
    InvalidCase(name: "TLS ClientHello", raw: "\u{16}\u{3}\u{1}\u{2}", error: .invalidRequestLine),
    InvalidCase(name: "binary before any line end", raw: "\r\nGE\u{1}T", error: .invalidRequestLine),
    InvalidCase(name: "NUL in target", raw: "GET /a\u{0}b HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget),
    InvalidCase(name: "DEL in target", raw: "GET /a\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget),
    InvalidCase(name: "non-ASCII in target", raw: "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget),
    InvalidCase(name: "obs-fold", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  continued\r\n\r\n", error: .obsoleteLineFolding),
    InvalidCase(name: "space before colon", raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", error: .whitespaceBeforeColon),
    InvalidCase(name: "tab before colon", raw: "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", error: .whitespaceBeforeColon),
    InvalidCase(name: "bad name byte", raw: "GET / HTTP/1.1\r\nHost: a\r\nX(A): 1\r\n\r\n", error: .invalidHeaderName),
    InvalidCase(name: "no colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", error: .invalidHeaderName),
    InvalidCase(name: "empty name", raw: "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", error: .invalidHeaderName),
    InvalidCase(name: "NUL in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{0}b\r\n\r\n", error: .invalidHeaderValue),
    InvalidCase(name: "control in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{1}b\r\n\r\n", error: .invalidHeaderValue),
    InvalidCase(name: "bare CR in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\rb\r\n\r\n", error: .bareCarriageReturn),
    InvalidCase(name: "missing Host", raw: "GET / HTTP/1.1\r\n\r\n", error: .missingHost),
    InvalidCase(name: "repeated Host", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", error: .duplicateHost),
    InvalidCase(name: "CL and TE", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                error: .contentLengthWithTransferEncoding),
    InvalidCase(name: "duplicate CL", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
                error: .duplicateContentLength),
    InvalidCase(name: "CL list", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc", error: .invalidContentLength),
    InvalidCase(name: "negative CL", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", error: .invalidContentLength),
    InvalidCase(name: "plus CL", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc", error: .invalidContentLength),
    InvalidCase(name: "huge CL", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", error: .invalidContentLength),
    InvalidCase(name: "TE gzip", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", error: .unsupportedTransferEncoding),
    InvalidCase(name: "TE gzip, chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
                error: .unsupportedTransferEncoding),
    InvalidCase(name: "TE.TE two headers", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n\r\n",
                error: .unsupportedTransferEncoding),
    InvalidCase(name: "TE xchunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n", error: .unsupportedTransferEncoding),
    InvalidCase(name: "TE in HTTP/1.0", raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", error: .transferEncodingInHTTP10),
    InvalidCase(name: "bad chunk size", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk size overflow", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n",
                error: .invalidChunkedEncoding),
    // RFC 9112 §7.1: whitespace only around an extension's ";" and "=", and an extension has a name.
    InvalidCase(name: "chunk size then a space", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n",
                error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk size then a tab", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\t\r\nhello\r\n0\r\n\r\n",
                error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk extension without a name", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;\r\nhello\r\n0\r\n\r\n",
                error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk extension value without a name", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;=b\r\nhello\r\n0\r\n\r\n",
                error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk extension name then a space", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a \r\nhello\r\n0\r\n\r\n",
                error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk extension with an unclosed quote", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\"b\r\nhello\r\n0\r\n\r\n",
                error: .invalidChunkedEncoding),
    InvalidCase(name: "chunk without CRLF", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", error: .invalidChunkedEncoding),
    InvalidCase(name: "expect other", raw: "GET / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", error: .unsupportedExpectation),
]

@Suite("RequestParser: rejections")
struct RequestParserInvalidTests {
    @Test(arguments: invalidCases)
    func rejects(_ testCase: InvalidCase) {
        let result = parseAll(Array(testCase.raw.utf8))
        guard case .invalid(let error) = result else {
            Issue.record("'\(testCase.name)' gave \(result), expected \(testCase.error)")
            return
        }
        #expect(error == testCase.error)
    }

    @Test(arguments: invalidCases)
    func rejectsTheSameByteByByte(_ testCase: InvalidCase) {
        let bytes = Array(testCase.raw.utf8)
        let result = parseIncrementally(bytes, cuts: Array(1..<bytes.count))
        guard case .invalid(let error) = result else {
            Issue.record("'\(testCase.name)' byte-by-byte gave \(result)")
            return
        }
        #expect(error == testCase.error)
    }

    @Test func statusesFollowTheRFCs() {
        #expect(ParseError.requestLineTooLong.status == .uriTooLong)
        #expect(ParseError.headerSectionTooLarge.status == .requestHeaderFieldsTooLarge)
        #expect(ParseError.tooManyHeaderFields.status == .requestHeaderFieldsTooLarge)
        #expect(ParseError.bodyTooLarge.status == .contentTooLarge)
        #expect(ParseError.unsupportedTransferEncoding.status == .notImplemented)
        #expect(ParseError.unsupportedVersion.status == .httpVersionNotSupported)
        #expect(ParseError.missingHost.status == .badRequest)
    }
}

@Suite("RequestParser: limits")
struct RequestParserLimitTests {
    @Test func requestLineOverLimitIs414EvenBeforeItEnds() {
        let line = "GET /" + String(repeating: "a", count: 8 * 1024)
        #expect(parseAll(Array(line.utf8)).isInvalid(.requestLineTooLong))
        #expect(parseAll(Array((line + " HTTP/1.1\r\nHost: a\r\n\r\n").utf8)).isInvalid(.requestLineTooLong))
    }

    /// RFC 9112 §3: a method longer than any the server implements is 501, not 414, whether
    /// the line is over the limit or not; a long target is still 414.
    @Test func aMethodLongerThanAnyIs501() {
        let method = String(repeating: "X", count: 8 * 1024 + 10)
        #expect(parseAll(Array(method.utf8)).isInvalid(.methodTooLong))
        #expect(parseAll(Array((method + " /healthz HTTP/1.1\r\nHost: a\r\n\r\n").utf8)).isInvalid(.methodTooLong))
        #expect(parseAll(Array((String(repeating: "X", count: 33) + " /healthz HTTP/1.1\r\nHost: a\r\n\r\n").utf8)).isInvalid(.methodTooLong))
        guard case .complete(let request, _) = parseAll(Array((String(repeating: "X", count: 32) + " /healthz HTTP/1.1\r\nHost: a\r\n\r\n").utf8)) else {
            Issue.record("a 32-byte method is parsed (and routed: 405)")
            return
        }
        #expect(request.method == .other)
        #expect(ParseError.methodTooLong.status == .notImplemented)
    }

    @Test func requestLineJustUnderTheLimitIsAccepted() {
        let target = "/" + String(repeating: "a", count: 8 * 1024 - 20)
        let raw = "GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n"
        guard case .complete = parseAll(Array(raw.utf8)) else {
            Issue.record("a request line under 8 KiB must parse")
            return
        }
    }

    @Test func headerSectionOver16KiBIs431() {
        let big = "X-Big: " + String(repeating: "v", count: 17 * 1024) + "\r\n"
        #expect(parseAll(Array(("GET / HTTP/1.1\r\nHost: a\r\n" + big + "\r\n").utf8)).isInvalid(.headerSectionTooLarge))
        #expect(parseAll(Array(("GET / HTTP/1.1\r\nHost: a\r\n" + big).utf8)).isInvalid(.headerSectionTooLarge))
    }

    @Test func moreThan100FieldsIs431() {
        let fields = (0..<100).map { "X-\($0): v\r\n" }.joined()
        #expect(parseAll(Array(("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n").utf8)).isInvalid(.tooManyHeaderFields))
        let exactly = (0..<99).map { "X-\($0): v\r\n" }.joined()
        guard case .complete = parseAll(Array(("GET / HTTP/1.1\r\nHost: a\r\n" + exactly + "\r\n").utf8)) else {
            Issue.record("100 fields must be accepted")
            return
        }
    }

    @Test func bodyOverTheLimitIs413() {
        var limits = RequestParser.Limits()
        limits.maxBodyBytes = 10
        #expect(parseAll(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n".utf8), limits: limits).isInvalid(.bodyTooLarge))
        let chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n"
        #expect(parseAll(Array(chunked.utf8), limits: limits).isInvalid(.bodyTooLarge))
    }
}

extension RequestParser.Result {
    func isInvalid(_ expected: ParseError) -> Bool {
        if case .invalid(let error) = self { return error == expected }
        return false
    }
}

/// The one-pass check for the usual `Host` gives the full RFC 3986 parse's answer wherever it
/// answers at all: every string of up to four bytes from an alphabet with each kind of byte
/// that matters (name bytes, ':', digits, '%', sub-delims, brackets), plus ports around the limits.
@Suite("Host syntax")
struct HostSyntaxTests {
    @Test func theQuickCheckAgreesWithTheFullParse() {
        let alphabet: [String] = ["a", "Z", "0", "9", "-", ".", ":", "%", "!", "[", "]", "~"]
        var inputs = [""]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            inputs += frontier
        }
        inputs += ["example.org:0", "example.org:1", "example.org:65535", "example.org:65536", "example.org:080",
                   "h:123456", ":", "a:", "[::1]:8080", "%41b", String(repeating: "a", count: 256)]
        var decided = 0
        for input in inputs {
            let quick = input.utf8.withContiguousStorageIfAvailable(HostSyntax.quickCheck) ?? nil
            guard let quick else { continue }
            decided += 1
            #expect(quick == HostSyntax.parse(input), "\(input)")
        }
        #expect(decided > 5_000, "the quick check decides the usual forms")
    }
}

/// Request-target splitting and decoding, case by case (RFC 9112 §3.2, RFC 3986 §2.1).
@Suite("Request target")
struct RequestTargetTests {
    @Test func originFormSplitsAndDecodes() throws {
        let target = try RequestTarget.parse("/a//b%20c/?q=x+y&&flag&e=&p=%C3%A9%2B&=v", method: .get)
        #expect(target.path == "/a//b c/")
        #expect(target.segments == ["a", "b c"])
        #expect(target.query.map { [$0.name, $0.value] } == [["q", "x y"], ["flag", ""], ["e", ""], ["p", "é+"], ["", "v"]])
        #expect(target.authority == nil)
        let bare = try RequestTarget.parse("/", method: .get)
        #expect(bare.path == "/" && bare.segments.isEmpty && bare.query.isEmpty)
        let trailing = try RequestTarget.parse("/events?", method: .get)
        #expect(trailing.segments == ["events"] && trailing.query.isEmpty)
    }

    @Test func absoluteAndAsteriskForms() throws {
        let absolute = try RequestTarget.parse("HTTP://example.org:8080?x=1", method: .get)
        #expect(absolute.authority == "example.org:8080" && absolute.path == "/" && absolute.query.map(\.value) == ["1"])
        #expect(try RequestTarget.parse("*", method: .options).path == "*")
    }

    @Test func badTargetsAreRefusedWithTheirReason() {
        let cases: [(String, RequestTarget.Failure)] = [
            ("/a%2", .invalidPercentEncoding), ("/a%zz", .invalidPercentEncoding), ("/a?q=%4", .invalidPercentEncoding),
            ("/a%00b", .encodedNUL), ("/?q=%00", .encodedNUL), ("/a%FF", .invalidUTF8), ("/?q=%C3", .invalidUTF8),
            ("/a#frag", .unsupportedForm), ("a/b", .unsupportedForm), ("http://user@h/", .invalidAuthority),
        ]
        for (target, failure) in cases {
            #expect(throws: failure, "\(target)") { try RequestTarget.parse(target, method: .get) }
        }
        #expect(throws: RequestTarget.Failure.unsupportedForm) { try RequestTarget.parse("*", method: .get) }
    }
}

/// Methods hash and compare by case (not through their raw-value strings), consistently with
/// their raw values.
@Suite("HTTP methods hash by case")
struct HTTPMethodHashingTests {
    @Test func ordinalsFollowTheCasesAndAgreeWithRawValues() {
        #expect(HTTPMethod.allCases.map(\.ordinal) == Array(HTTPMethod.allCases.indices))
        for a in HTTPMethod.allCases {
            for b in HTTPMethod.allCases {
                #expect((a == b) == (a.rawValue == b.rawValue))
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
        }
        #expect(Set(HTTPMethod.allCases).count == HTTPMethod.allCases.count)
    }
}
