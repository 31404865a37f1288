import FuzzSupport
import HTTP

/// libFuzzer entry point: arbitrary bytes through ``RequestParser`` and ``RequestTarget``.
///
/// Input layout: byte 0 is a control byte, then `control & 7` cut bytes, then the bytes a
/// client sends. Control bit 3 selects small limits (so the 414/431/413 paths are reached
/// with short inputs); bit 4 delivers the payload one byte at a time. Each cut byte is the
/// distance (1...256) from the previous cut.
///
/// The payload is parsed twice, as the event loop would: once as a single read, once split
/// at the cuts (each call sees every unconsumed byte since the current request's start).
/// Both must give the same sequence of requests and the same error, and every request
/// must satisfy the framing invariants below. Any violation traps, which libFuzzer records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let control = input.first else { return 0 }
    let cutCount = Int(control & 7)
    guard input.count > cutCount else { return 0 }
    var limits = RequestParser.Limits()
    if control & 8 != 0 {
        limits.maxRequestLineBytes = 64
        limits.maxHeaderBytes = 256
        limits.maxHeaderFields = 8
        limits.maxBodyBytes = 128
    }
    let payload = Array(input[(1 + cutCount)...])
    var cuts: [Int] = []
    if control & 16 != 0 {
        cuts = payload.isEmpty ? [] : Array(1..<payload.count)
    } else {
        var position = 0
        for delta in input[1..<(1 + cutCount)] {
            position += Int(delta) + 1
            if position >= payload.count { break }
            cuts.append(position)
        }
    }

    let whole = ParserRun.deliver(payload, cuts: [], limits: limits)
    let split = ParserRun.deliver(payload, cuts: cuts, limits: limits)
    if whole != split {
        fatalError("delivery split at \(cuts) changed the outcome:\n whole: \(whole)\n split: \(split)")
    }

    // The target parser on its own also takes any string, not only what the framing admits.
    let text = String(decoding: payload, as: UTF8.self)
    for method in [HTTPMethod.get, .options] {
        if let target = try? RequestTarget.parse(text, method: method) {
            TargetInvariants.check(target, raw: text, method: method)
        }
    }
    return 0
}

/// What a connection saw: the requests framed, and how it ended.
struct ParserRun: Equatable, CustomStringConvertible {
    var requests: [RequestSummary] = []
    var error: ParseError?
    /// Bytes still held when the input ran out (a partial request).
    var leftover = 0

    var description: String { "requests=\(requests) error=\(String(describing: error)) leftover=\(leftover)" }

    /// Feeds `payload` as reads ending at each cut, keeping unconsumed bytes as the
    /// event loop's `inbound` does, and parses until the parser wants more or fails.
    static func deliver(_ payload: [UInt8], cuts: [Int], limits: RequestParser.Limits) -> ParserRun {
        var run = ParserRun()
        var parser = RequestParser(limits: limits)
        var pending: [UInt8] = []
        var start = 0
        for end in cuts + [payload.count] {
            pending += payload[start..<end]
            start = end
            reading: while true {
                let result = pending.withUnsafeBytes { parser.parse($0) }
                switch result {
                case .complete(let request, let consumed):
                    guard consumed > 0, consumed <= pending.count else {
                        fatalError("consumed \(consumed) of \(pending.count) bytes")
                    }
                    RequestInvariants.check(request, consumed: consumed, limits: limits)
                    run.requests.append(RequestSummary(request, consumed: consumed))
                    pending.removeFirst(consumed)
                case .needMoreData:
                    break reading
                case .invalid(let error):
                    run.error = error
                    return run
                }
            }
        }
        run.leftover = pending.count
        return run
    }
}

/// The parts of a request that framing decides, comparable across deliveries.
struct RequestSummary: Equatable, CustomStringConvertible {
    let method: String
    let target: String
    let version: String
    let headers: [String]
    let body: [UInt8]
    let keepAlive: Bool
    let consumed: Int

    init(_ request: HTTPRequest, consumed: Int) {
        method = request.method.rawValue
        target = request.target
        version = request.version.rawValue
        headers = request.headers.map { "\($0.name): \($0.value)" }
        body = request.body
        keepAlive = request.keepAlive
        self.consumed = consumed
    }

    var description: String { "\(method) \(target) \(version) \(headers) body=\(body.count) consumed=\(consumed)" }
}

/// Properties every framed request must have, whatever the bytes were.
enum RequestInvariants {
    static func check(_ request: HTTPRequest, consumed: Int, limits: RequestParser.Limits) {
        let target = request.target.utf8
        expect(!target.isEmpty && target.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "target bytes: \(request.target)")
        var counts: [String: Int] = [:]
        for field in request.headers {
            let name = field.name.utf8
            expect(!name.isEmpty && name.allSatisfy { isToken($0) && !($0 >= 0x41 && $0 <= 0x5A) },
                   "header name \(field.name.debugDescription)")
            let value = Array(field.value.utf8)
            expect(value.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }, "header value \(field.value.debugDescription)")
            expect(value.first != 0x20 && value.first != 0x09 && value.last != 0x20 && value.last != 0x09,
                   "untrimmed header value \(field.value.debugDescription)")
            counts[field.name, default: 0] += 1
        }
        expect(request.headers.count <= limits.maxHeaderFields, "\(request.headers.count) header fields")
        // Smuggling: one framing only, and never an ambiguous one.
        expect(counts["host", default: 0] <= 1, "duplicate Host")
        expect(request.version != .http11 || counts["host"] == 1, "HTTP/1.1 without Host")
        expect(counts["content-length", default: 0] <= 1, "duplicate Content-Length")
        if let coding = request.headers["transfer-encoding"] {
            expect(counts["content-length"] == nil, "Content-Length with Transfer-Encoding")
            expect(request.version == .http11, "Transfer-Encoding in HTTP/1.0")
            expect(counts["transfer-encoding"] == 1, "several Transfer-Encoding fields")
            expect(HTTPHeaders.equalsIgnoringCase(String(Substring(coding).trimmingSpaces()), "chunked"),
                   "Transfer-Encoding \(coding.debugDescription)")
        }
        if let length = request.headers["content-length"] {
            expect(Int(length) == request.body.count, "Content-Length \(length) but body \(request.body.count)")
        } else if request.headers["transfer-encoding"] == nil {
            expect(request.body.isEmpty, "body without framing")
        }
        expect(request.body.count <= limits.maxBodyBytes, "body of \(request.body.count) bytes")
        expect(consumed >= request.body.count, "consumed less than the body")
    }
}

/// Properties of a decoded request-target.
enum TargetInvariants {
    static func check(_ target: RequestTarget, raw: String, method: HTTPMethod) {
        if target.path == "*" {
            expect(method == .options && raw == "*", "asterisk-form for \(method) \(raw.debugDescription)")
            return
        }
        expect(target.path.hasPrefix("/"), "path \(target.path.debugDescription) from \(raw.debugDescription)")
        expect(target.segments.allSatisfy { !$0.isEmpty }, "empty segment from \(raw.debugDescription)")
        // Only an encoded NUL is the parser's to refuse; the framing never admits a literal one.
        guard !raw.utf8.contains(0) else { return }
        let strings = [target.path] + target.segments + target.query.flatMap { [$0.name, $0.value] }
        expect(strings.allSatisfy { !$0.utf8.contains(0) }, "decoded NUL from \(raw.debugDescription)")
    }
}
