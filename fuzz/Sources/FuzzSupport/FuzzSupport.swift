/// Checks shared by the fuzz targets. A violated invariant traps, which libFuzzer records as
/// a crash and saves the input for.

/// `tchar` of RFC 9110 §5.6.2, written out again so that the check does not trust the parser's table.
public func isToken(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

/// Traps with `message` when `condition` is false.
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant violated: \(message())") }
}
