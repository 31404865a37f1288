#if canImport(Glibc)
import Glibc
#endif

/// RFC 3986 §3.2.2 `host [ ":" port ]`, as RFC 9112 §3.2 requires of `Host` and of an
/// absolute-form target's authority: a reg-name (unreserved, pct-encoded, sub-delims), an
/// IPv4 address, or an IP-literal (`[IPv6]`, `[vF.future]`); the port, when given, is 1–65535.
/// An empty value is valid (a target with no authority). Anything else is a 400.
enum HostSyntax {
    static func isValid(_ value: String) -> Bool {
        // The usual `name[:port]` is decided in one pass over the bytes; the rest by the full parse.
        if let decided = value.utf8.withContiguousStorageIfAvailable(quickCheck), let decided { return decided }
        return parse(value)
    }

    /// The full RFC 3986 check.
    static func parse(_ value: String) -> Bool {
        var utf8 = Substring(value).utf8[...]
        guard utf8.count <= 255 else { return false }
        if utf8.first == UInt8(ascii: "[") {
            guard let close = utf8.firstIndex(of: UInt8(ascii: "]")) else { return false }
            guard isIPLiteral(Substring(utf8[utf8.index(after: utf8.startIndex)..<close])) else { return false }
            utf8 = utf8[utf8.index(after: close)...]
            if utf8.isEmpty { return true }
            guard utf8.first == UInt8(ascii: ":") else { return false }
            return isPort(utf8.dropFirst())
        }
        let colon = utf8.firstIndex(of: UInt8(ascii: ":"))
        let name = colon.map { utf8[..<$0] } ?? utf8
        guard isRegName(name) else { return false }
        guard let colon else { return true }
        return isPort(utf8[utf8.index(after: colon)...])
    }

    /// `*DIGIT`, but when present a number from 1 to 65535. An empty port is allowed (RFC 3986).
    static func isPort<Digits: Collection<UInt8>>(_ digits: Digits) -> Bool {
        if digits.isEmpty { return true }
        guard digits.count <= 5, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return (1...65535).contains(number)
    }

    /// unreserved / pct-encoded / sub-delims.
    static func isRegName(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first < bytes.endIndex, bytes.index(after: first) < bytes.endIndex,
                      ASCII.hexValue(bytes[first]) != nil, ASCII.hexValue(bytes[bytes.index(after: first)]) != nil
                else { return false }
                index = bytes.index(first, offsetBy: 2)
                continue
            }
            guard isUnreserved(byte) || isSubDelimiter(byte) else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    /// Valid or not for a name of unreserved bytes with an optional port; nil for anything else
    /// (`%`, sub-delims, brackets), which the full parse decides. Same answers as the full parse.
    static func quickCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count <= 255 else { return false }
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
            guard isUnreserved(bytes[index]) else { return nil }
            index += 1
        }
        guard index < bytes.count else { return true }
        return isPort(bytes[(index + 1)...])
    }

    /// IPv6address (no zone identifier) or IPvFuture.
    static func isIPLiteral(_ text: Substring) -> Bool {
        if let first = text.utf8.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "V") {
            let rest = text.utf8.dropFirst()
            guard let dot = rest.firstIndex(of: UInt8(ascii: ".")) else { return false }
            let version = rest[..<dot]
            let tail = rest[rest.index(after: dot)...]
            return !version.isEmpty && version.allSatisfy { ASCII.hexValue($0) != nil }
                && !tail.isEmpty && tail.allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
        }
        var address = in6_addr()
        return inet_pton(AF_INET6, String(text), &address) == 1
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `!$&'()*+,;=`
    static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
