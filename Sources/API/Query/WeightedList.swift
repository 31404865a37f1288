/// The elements of a field that lists names with weights, `name;param;q=0.5, other` (`Accept`,
/// `Accept-Encoding`; RFC 9110 §12.4.2), read over its bytes without allocating: the one
/// reading of `q` for the content codings (``ContentCoding``, on every request for a cached
/// body) and the media ranges (``AcceptRanges``).
enum WeightedList {
    /// `body` for each element with a non-empty name, in order: the name trimmed, and its
    /// weight (1 without a `q`; 0 when it is malformed; clamped to 0...1).
    static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Double) -> Void) {
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
            body(name, quality(UnsafeBufferPointer(rebasing: element[nameEnd...])))
        }
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
}
