/// A content coding Accord can send (RFC 9110 §8.4): the body as is, gzip, or Brotli.
enum ContentCoding: String, Sendable, CaseIterable {
    case identity, gzip, br

    /// The case's index, for tables with a place per coding (as ``HTTPMethod/ordinal`` is for methods).
    var ordinal: Int {
        switch self {
        case .identity: 0
        case .gzip: 1
        case .br: 2
        }
    }

    /// The coding to send for `Accept-Encoding` (RFC 9110 §12.5.3), or nil when the client
    /// refuses identity (`identity;q=0`, or `*;q=0` without identity) and accepts neither gzip
    /// nor br, which is a 406. With no header, or an empty one, identity. Among acceptable
    /// compressed codings the higher q wins, then Brotli (smaller); a compressed coding is
    /// preferred to identity whenever one is acceptable.
    static func negotiate(_ header: String?) -> ContentCoding? {
        guard var header else { return .identity }
        return header.withUTF8 { negotiate(bytes: $0) }
    }

    /// One pass over the bytes, no allocation: this runs on every request for a cached body.
    private static func negotiate(bytes: UnsafeBufferPointer<UInt8>) -> ContentCoding? {
        var gzip: Double?, brotli: Double?, identity: Double?, wildcard: Double?
        var position = 0
        while position < bytes.count {
            // One element: a name, then `;`-separated parameters, up to a comma.
            var end = position
            while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
            let element = UnsafeBufferPointer(rebasing: bytes[position..<end])
            position = end + 1
            var nameEnd = 0
            while nameEnd < element.count && element[nameEnd] != UInt8(ascii: ";") { nameEnd += 1 }
            let name = trimmed(UnsafeBufferPointer(rebasing: element[0..<nameEnd]))
            guard !name.isEmpty else { continue }
            let quality = Self.quality(UnsafeBufferPointer(rebasing: element[nameEnd...]))
            if equalsIgnoringCase(name, "gzip") || equalsIgnoringCase(name, "x-gzip") {
                gzip = quality
            } else if equalsIgnoringCase(name, "br") {
                brotli = quality
            } else if equalsIgnoringCase(name, "identity") {
                identity = quality
            } else if name.count == 1 && name[0] == UInt8(ascii: "*") {
                wildcard = quality
            }
        }
        let gzipQuality = gzip ?? wildcard ?? 0
        let brotliQuality = brotli ?? wildcard ?? 0
        if gzipQuality > 0 || brotliQuality > 0 {
            return brotliQuality >= gzipQuality ? .br : .gzip
        }
        let identityQuality = identity ?? (wildcard == 0 ? 0 : 1)
        return identityQuality > 0 ? .identity : nil
    }

    /// The `q` parameter among `;`-separated parameters (1 without one; 0 when malformed), clamped to 0...1.
    private static func quality(_ parameters: UnsafeBufferPointer<UInt8>) -> Double {
        var quality = 1.0
        var position = 0
        while position < parameters.count {
            var end = position + 1
            while end < parameters.count && parameters[end] != UInt8(ascii: ";") { end += 1 }
            // parameters[position] is the `;` that starts this one.
            let pair = trimmed(UnsafeBufferPointer(rebasing: parameters[(position + 1)..<end]))
            position = end
            guard pair.count >= 2, pair[0] | 0x20 == UInt8(ascii: "q"), pair[1] == UInt8(ascii: "=") else { continue }
            quality = Double(String(decoding: UnsafeBufferPointer(rebasing: pair[2...]), as: UTF8.self)) ?? 0
        }
        return max(0, min(1, quality))
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t")) { start += 1 }
        while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != expected[index] { return false }
        }
        return true
    }
}
