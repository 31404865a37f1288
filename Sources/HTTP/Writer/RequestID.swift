#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Request IDs: the client's `X-Request-ID` when well-formed, else a generated one.
///
/// Generated IDs are a random per-loop prefix (from the OS) plus a counter, so they are
/// unique across loops and restarts without a lock or a random call per request.
struct RequestIDGenerator {
    /// 16 hex digits of randomness, then "-", then room for 8 hex digits of counter.
    private var template: [UInt8]
    private var counter: UInt32 = 0

    init() {
        var random: UInt64 = 0
        if getrandom(&random, 8, 0) != 8 { random = UInt64(Syscall.monotonicNanoseconds()) }
        template = Array(String(random, radix: 16).leftPadded(to: 16).utf8) + Array("-00000000".utf8)
    }

    /// The next ID, formatted straight into one String (no intermediate strings).
    mutating func next() -> String {
        counter &+= 1
        var value = counter
        for index in stride(from: template.count - 1, through: template.count - 8, by: -1) {
            template[index] = ASCII.hexDigits[Int(value & 0xF)]
            value >>= 4
        }
        return String(decoding: template, as: UTF8.self)
    }

    /// 1–128 characters from a conservative set, so the ID is safe in logs and headers.
    static func isWellFormed(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard !utf8.isEmpty, utf8.count <= 128 else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-_.:+/=@".utf8.contains(byte)
            }
        }
    }
}

extension String {
    /// Zeros on the left up to `length` characters (hex and decimal fields).
    public func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
