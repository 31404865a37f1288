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
    /// preferred to identity whenever one is acceptable, unless the client weighs identity
    /// higher by name (`identity;q=0.9, br;q=0.1` is identity).
    static func negotiate(_ header: String?) -> ContentCoding? {
        guard var header else { return .identity }
        return header.withUTF8 { negotiate(bytes: $0) }
    }

    /// One pass over the bytes, no allocation: this runs on every request for a cached body.
    private static func negotiate(bytes: UnsafeBufferPointer<UInt8>) -> ContentCoding? {
        var gzip: Double?, brotli: Double?, identity: Double?, wildcard: Double?
        WeightedList.forEach(bytes) { name, quality in
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
        if gzipQuality > 0 || brotliQuality > 0, (identity ?? 0) <= max(gzipQuality, brotliQuality) {
            return brotliQuality >= gzipQuality ? .br : .gzip
        }
        let identityQuality = identity ?? (wildcard == 0 ? 0 : 1)
        return identityQuality > 0 ? .identity : nil
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
