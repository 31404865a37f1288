/// `method SP request-target SP HTTP-version` (RFC 9112 §3).
struct RequestLine {
    let method: HTTPMethod
    /// The token as sent, when `method` is `other` ("BREW", "get"); nil for a known method.
    let otherMethod: String?
    let target: String
    let version: HTTPVersion

    /// A method token longer than this is longer than any a server implements (the longest
    /// registered ones have 17 letters): 501, RFC 9112 §3.
    static let longestMethod = 32

    /// Why a request line over the length limit is refused: 501 when its method alone is longer
    /// than any method (a token running on past ``longestMethod`` bytes), else 414.
    static func overlong(_ buffer: UnsafeRawBufferPointer, from start: Int) -> ParseError {
        let end = min(buffer.count, start + longestMethod + 1)
        return end - start > longestMethod && buffer[start..<end].allSatisfy(ASCII.isToken) ? .methodTooLong : .requestLineTooLong
    }

    static func parse(_ buffer: UnsafeRawBufferPointer, _ line: Range<Int>) -> Result<RequestLine, ParseError> {
        guard let firstSpace = index(of: ASCII.space, in: buffer, line),
              let secondSpace = index(of: ASCII.space, in: buffer, (firstSpace + 1)..<line.upperBound)
        else { return .failure(.invalidRequestLine) }
        let methodBytes = UnsafeRawBufferPointer(rebasing: buffer[line.lowerBound..<firstSpace])
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ASCII.isToken) else { return .failure(.invalidRequestLine) }
        guard methodBytes.count <= longestMethod else { return .failure(.methodTooLong) }

        let targetRange = (firstSpace + 1)..<secondSpace
        guard !targetRange.isEmpty else { return .failure(.invalidRequestLine) }
        for offset in targetRange where !ASCII.isTargetByte(buffer[offset]) {
            return .failure(buffer[offset] == ASCII.cr ? .bareCarriageReturn : .invalidTarget)
        }

        let versionBytes = UnsafeRawBufferPointer(rebasing: buffer[(secondSpace + 1)..<line.upperBound])
        let version: HTTPVersion
        switch parseVersion(versionBytes) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): version = parsed
        }
        // A well-formed token that names no method Accord knows is `other` (the router's 405).
        let method = HTTPMethod(bytes: methodBytes) ?? .other
        let otherMethod = method == .other ? String(decoding: methodBytes, as: UTF8.self) : nil
        let target = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[targetRange]), as: UTF8.self)
        return .success(RequestLine(method: method, otherMethod: otherMethod, target: target, version: version))
    }

    /// `HTTP/DIGIT.DIGIT`; other well-formed versions are 505, anything else 400.
    static func parseVersion(_ bytes: UnsafeRawBufferPointer) -> Result<HTTPVersion, ParseError> {
        guard bytes.count == 8, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"),
              bytes[2] == UInt8(ascii: "T"), bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/"),
              bytes[6] == UInt8(ascii: "."),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[5]),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[7])
        else {
            if bytes.contains(ASCII.cr) { return .failure(.bareCarriageReturn) }
            return .failure(.invalidRequestLine)
        }
        guard bytes[5] == UInt8(ascii: "1") else { return .failure(.unsupportedVersion) }
        // RFC 9112 §2.3: a higher minor version of a major version we implement is read as the
        // highest minor version we implement ("HTTP/1.2" is answered as HTTP/1.1).
        return .success(bytes[7] == UInt8(ascii: "0") ? .http10 : .http11)
    }

    /// Whether the bytes from `start` (a request line not yet ended) already cannot begin one: a
    /// byte that is neither a method token's nor the space after it. A TLS ClientHello sent to
    /// the plain port (0x16 …) or binary noise is then answered at once, not when a line end or
    /// the header timeout comes. A CR or LF decides nothing (the empty lines allowed before a
    /// request are consumed as lines; a bare CR is the line's own rules' to read), so the answer
    /// is the same however the bytes arrive. Reads at most the method's bytes.
    static func cannotStart(_ buffer: UnsafeRawBufferPointer, from start: Int) -> Bool {
        var index = start
        let limit = min(buffer.count, index + longestMethod + 1)
        while index < limit, buffer[index] != UInt8(ascii: " ") {
            // A line end decides nothing here: the line's own rules read it.
            if buffer[index] == ASCII.cr || buffer[index] == ASCII.lf { return false }
            if !ASCII.isToken(buffer[index]) { return true }
            index += 1
        }
        return false
    }

    static func index(of byte: UInt8, in buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var offset = range.lowerBound
        while offset < range.upperBound {
            if buffer[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }
}

/// `field-name ":" OWS field-value OWS` (RFC 9112 §5), with the strict rules:
/// no obs-fold, no whitespace before the colon, token names, no control bytes in values.
enum HeaderLine {
    static func parse(
        _ buffer: UnsafeRawBufferPointer, _ line: Range<Int>
    ) -> Result<(name: Range<Int>, value: Range<Int>), ParseError> {
        let first = buffer[line.lowerBound]
        if first == ASCII.space || first == ASCII.tab { return .failure(.obsoleteLineFolding) }
        guard let colon = RequestLine.index(of: ASCII.colon, in: buffer, line) else {
            return .failure(.invalidHeaderName)
        }
        guard colon > line.lowerBound else { return .failure(.invalidHeaderName) }
        let last = buffer[colon - 1]
        if last == ASCII.space || last == ASCII.tab { return .failure(.whitespaceBeforeColon) }
        for offset in line.lowerBound..<colon where !ASCII.isToken(buffer[offset]) {
            return .failure(buffer[offset] == ASCII.cr ? .bareCarriageReturn : .invalidHeaderName)
        }
        var start = colon + 1
        var end = line.upperBound
        while start < end && (buffer[start] == ASCII.space || buffer[start] == ASCII.tab) { start += 1 }
        while end > start && (buffer[end - 1] == ASCII.space || buffer[end - 1] == ASCII.tab) { end -= 1 }
        for offset in start..<end where !ASCII.isFieldValueByte(buffer[offset]) {
            return .failure(buffer[offset] == ASCII.cr ? .bareCarriageReturn : .invalidHeaderValue)
        }
        return .success((name: line.lowerBound..<colon, value: start..<end))
    }

    static func string(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// The bytes as an ASCII-lowercased String, written in place without a temporary array.
    static func lowercasedString(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
            var index = 0
            for offset in range {
                out[index] = ASCII.lowercased(buffer[offset])
                index += 1
            }
            return index
        }
    }
}
