#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// An incremental HTTP/1.1 request parser (RFC 9112).
///
/// Ownership: the caller owns the bytes. Each call to ``parse(_:)`` receives every byte
/// received so far *from the first byte of the current request* (it may be called again
/// with the same prefix plus more bytes). The parser keeps only offsets into that prefix
/// and how far it has scanned, so delivery split at any byte boundary gives the same
/// result, and byte-by-byte delivery stays linear.
///
/// After `.complete(request, consumed:)` the caller drops `consumed` bytes and calls
/// ``parse(_:)`` again for the next (pipelined) request; the parser has reset itself.
/// After `.invalid` the connection must be answered and closed.
public struct RequestParser: Sendable {
    /// Size limits; each one has its own status (414, 431, 413).
    public struct Limits: Sendable, Equatable {
        public var maxRequestLineBytes = 8 * 1024
        public var maxHeaderBytes = 16 * 1024
        public var maxHeaderFields = 100
        public var maxBodyBytes = 1024 * 1024
        public init() {}
    }

    public enum Result {
        case complete(HTTPRequest, consumed: Int)
        case needMoreData
        case invalid(ParseError)
    }

    enum Stage: Sendable {
        case requestLine, headers, fixedBody, chunkSize, chunkData, chunkDataEnd, trailers
    }

    public let limits: Limits
    var stage = Stage.requestLine
    /// Offset of the first byte not yet consumed by a complete line or body piece.
    var position = 0
    /// Offset up to which the current partial line has been searched for LF.
    var scanned = 0
    var headerSectionStart = 0
    var method = HTTPMethod.get
    var otherMethod: String?
    var version = HTTPVersion.http11
    var target = ""
    var fields: [(name: Range<Int>, value: Range<Int>)] = []
    var head = RequestHead()
    var bodyRemaining = 0
    var body: [UInt8] = []
    var trailerFields = 0

    /// True once the header section is complete and the body is still being received.
    /// The connection uses it to send `100 Continue` when the client asked for it.
    public var isAwaitingBody: Bool {
        switch stage {
        case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers: return true
        case .requestLine, .headers: return false
        }
    }

    /// Body bytes of the request being received that the parser holds itself (a chunked
    /// body's data so far; a fixed-length body stays in the caller's buffer until complete).
    public var heldBodyBytes: Int { body.count }

    /// The header section of the request being received: empty until it is complete (also
    /// when it was refused, as a request without Host is), so an error can name its `Origin`.
    public var headers: HTTPHeaders { head.headers }

    /// True when the client sent `Expect: 100-continue` for the request being received.
    public var expectsContinue: Bool { head.expectsContinue }

    /// True when no byte of a request has been consumed yet (the connection is idle).
    public var isAtRequestStart: Bool { stage == .requestLine && position == 0 }

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public mutating func reset() {
        self = RequestParser(limits: limits)
    }

    /// Parses as far as `buffer` allows; see the type's contract.
    public mutating func parse(_ buffer: UnsafeRawBufferPointer) -> Result {
        while true {
            let step: Step
            switch stage {
            case .requestLine: step = parseRequestLine(buffer)
            case .headers: step = parseHeaderLine(buffer)
            case .fixedBody: step = parseFixedBody(buffer)
            case .chunkSize: step = parseChunkSize(buffer)
            case .chunkData: step = parseChunkData(buffer)
            case .chunkDataEnd: step = parseChunkDataEnd(buffer)
            case .trailers: step = parseTrailerLine(buffer)
            }
            switch step {
            case .proceed:
                continue
            case .needMoreData:
                return .needMoreData
            case .invalid(let error):
                return .invalid(error)
            case .done:
                let request = makeRequest()
                let consumed = position
                reset()
                return .complete(request, consumed: consumed)
            }
        }
    }

    enum Step {
        case proceed, needMoreData, done
        case invalid(ParseError)
    }

    /// Finds the next line starting at `position`. Returns the line's content range
    /// (without CR LF) and the offset after the LF, or nil if no LF has arrived yet.
    mutating func nextLine(_ buffer: UnsafeRawBufferPointer) -> (content: Range<Int>, next: Int)? {
        let from = max(scanned, position)
        guard from < buffer.count, let base = buffer.baseAddress else {
            scanned = max(scanned, buffer.count)
            return nil
        }
        guard let found = memchr(base + from, Int32(ASCII.lf), buffer.count - from) else {
            scanned = buffer.count
            return nil
        }
        let lf = base.distance(to: UnsafeRawPointer(found))
        var end = lf
        if end > position && buffer[end - 1] == ASCII.cr { end -= 1 }
        scanned = lf + 1
        return (position..<end, lf + 1)
    }

    mutating func parseRequestLine(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard let (line, next) = nextLine(buffer) else {
            // One more byte than the limit: it may be the CR of a line exactly at the limit.
            // Read first, in both paths, so that how the bytes arrive never changes the answer.
            if RequestLine.cannotStart(buffer, from: position) { return .invalid(.invalidRequestLine) }
            if buffer.count - position > limits.maxRequestLineBytes + 1 { return .invalid(RequestLine.overlong(buffer, from: position)) }
            return .needMoreData
        }
        // RFC 9112 §2.2: ignore empty lines received before the request-line.
        if line.isEmpty {
            position = next
            return .proceed
        }
        if RequestLine.cannotStart(buffer, from: line.lowerBound) { return .invalid(.invalidRequestLine) }
        if line.count > limits.maxRequestLineBytes { return .invalid(RequestLine.overlong(buffer, from: line.lowerBound)) }
        switch RequestLine.parse(buffer, line) {
        case .failure(let error):
            return .invalid(error)
        case .success(let parsed):
            method = parsed.method
            otherMethod = parsed.otherMethod
            version = parsed.version
            target = parsed.target
        }
        position = next
        headerSectionStart = next
        stage = .headers
        return .proceed
    }

    mutating func parseHeaderLine(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard let (line, next) = nextLine(buffer) else {
            if buffer.count - headerSectionStart > limits.maxHeaderBytes { return .invalid(.headerSectionTooLarge) }
            return .needMoreData
        }
        if next - headerSectionStart > limits.maxHeaderBytes { return .invalid(.headerSectionTooLarge) }
        position = next
        if line.isEmpty { return finishHeaderSection(buffer) }
        switch HeaderLine.parse(buffer, line) {
        case .failure(let error):
            return .invalid(error)
        case .success(let field):
            if fields.count >= limits.maxHeaderFields { return .invalid(.tooManyHeaderFields) }
            fields.append(field)
            return .proceed
        }
    }

    mutating func finishHeaderSection(_ buffer: UnsafeRawBufferPointer) -> Step {
        var headers = HTTPHeaders()
        headers.fields.reserveCapacity(fields.count)
        for field in fields {
            headers.fields.append((
                name: HeaderLine.lowercasedString(buffer, field.name),
                value: HeaderLine.string(buffer, field.value)
            ))
        }
        fields = []
        switch RequestHead.interpret(headers, version: version) {
        case .failure(let error):
            head.headers = headers
            return .invalid(error)
        case .success(let interpreted):
            head = interpreted
        }
        if head.chunked {
            stage = .chunkSize
            return .proceed
        }
        if let length = head.contentLength, length > 0 {
            if length > limits.maxBodyBytes { return .invalid(.bodyTooLarge) }
            bodyRemaining = length
            stage = .fixedBody
            return .proceed
        }
        return .done
    }

    mutating func parseFixedBody(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard buffer.count - position >= bodyRemaining else { return .needMoreData }
        body = Array(buffer[position..<(position + bodyRemaining)])
        position += bodyRemaining
        bodyRemaining = 0
        return .done
    }

    /// A chunk-size line (size and extensions) longer than this is refused, however it arrives.
    static let maxChunkSizeLineBytes = 1024

    mutating func parseChunkSize(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard let (line, next) = nextLine(buffer) else {
            // One more byte than the limit: it may be the CR of a line exactly at the limit.
            if buffer.count - position > Self.maxChunkSizeLineBytes + 1 { return .invalid(.invalidChunkedEncoding) }
            return .needMoreData
        }
        if line.count > Self.maxChunkSizeLineBytes { return .invalid(.invalidChunkedEncoding) }
        guard Self.endsInCRLF(line, next), let size = ChunkSizeLine.parse(buffer, line) else { return .invalid(.invalidChunkedEncoding) }
        position = next
        if size == 0 {
            headerSectionStart = next
            stage = .trailers
            return .proceed
        }
        if body.count + size > limits.maxBodyBytes { return .invalid(.bodyTooLarge) }
        bodyRemaining = size
        stage = .chunkData
        return .proceed
    }

    mutating func parseChunkData(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard buffer.count - position >= bodyRemaining else { return .needMoreData }
        body.append(contentsOf: buffer[position..<(position + bodyRemaining)])
        position += bodyRemaining
        bodyRemaining = 0
        stage = .chunkDataEnd
        return .proceed
    }

    mutating func parseChunkDataEnd(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard position < buffer.count else { return .needMoreData }
        guard buffer[position] == ASCII.cr else { return .invalid(.invalidChunkedEncoding) }
        guard position + 1 < buffer.count else { return .needMoreData }
        guard buffer[position + 1] == ASCII.lf else { return .invalid(.invalidChunkedEncoding) }
        position += 2
        stage = .chunkSize
        return .proceed
    }

    /// Trailer fields are checked like header fields and then discarded (RFC 9112 §7.1.2).
    /// Their count is limited as the header fields' is.
    mutating func parseTrailerLine(_ buffer: UnsafeRawBufferPointer) -> Step {
        guard let (line, next) = nextLine(buffer) else {
            if buffer.count - headerSectionStart > limits.maxHeaderBytes { return .invalid(.headerSectionTooLarge) }
            return .needMoreData
        }
        if next - headerSectionStart > limits.maxHeaderBytes { return .invalid(.headerSectionTooLarge) }
        guard Self.endsInCRLF(line, next) else { return .invalid(.invalidChunkedEncoding) }
        position = next
        if line.isEmpty { return .done }
        if case .failure(let error) = HeaderLine.parse(buffer, line) { return .invalid(error) }
        trailerFields += 1
        if trailerFields > limits.maxHeaderFields { return .invalid(.tooManyHeaderFields) }
        return .proceed
    }

    /// Inside a chunked body every line ends in CR LF (RFC 9112 §7.1): the lone LF that §2.2
    /// lets a recipient accept covers the start-line and the header fields only. A front end
    /// that reads a lone LF as part of a chunk extension would see other chunks than this
    /// parser, and a request could be smuggled between the two.
    static func endsInCRLF(_ line: Range<Int>, _ next: Int) -> Bool {
        next - line.upperBound == 2
    }

    func makeRequest() -> HTTPRequest {
        var request = HTTPRequest(
            method: method, target: target, version: version,
            headers: head.headers, body: body, keepAlive: head.keepAlive
        )
        request.otherMethod = otherMethod
        return request
    }
}
