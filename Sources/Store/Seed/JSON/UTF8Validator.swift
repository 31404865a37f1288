/// Strict UTF-8 validation that reports where the input first goes wrong.
///
/// Rejects overlong forms, surrogates, code points above U+10FFFF and
/// truncated sequences. Linear in the input, allocation-free.
enum UTF8Validator {
    /// Byte offset where the first invalid sequence starts (its lead byte, or a
    /// stray continuation byte), or nil when `bytes` is valid UTF-8.
    static func firstInvalidOffset(_ bytes: [UInt8], from start: Int = 0) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                length = 3
                lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
            case 0xED:
                length = 3
                upperBound = 0x9F
            case 0xF0:
                length = 4
                lowerBound = 0x90
            case 0xF1...0xF3:
                length = 4
            case 0xF4:
                length = 4
                upperBound = 0x8F
            default:
                return index
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < count else { return index }
                let byte = bytes[position]
                let low = offset == 1 ? lowerBound : 0x80
                let high = offset == 1 ? upperBound : 0xBF
                guard byte >= low, byte <= high else { return index }
            }
            index += length
        }
        return nil
    }
}
