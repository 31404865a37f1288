#if canImport(Glibc)
import Glibc
#endif

/// RFC 3339 UTC timestamps ("2026-11-21T16:09:57Z") from the C library, without Foundation.
public enum UTCTimestamp {
    public static func now() -> String {
        format(time(nil))
    }

    public static func format(_ seconds: time_t) -> String {
        let parts = brokenDown(seconds)
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// `seconds` since the epoch as UTC calendar fields (also used for the `Date` header).
    static func brokenDown(_ seconds: time_t) -> tm {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        return parts
    }

    /// A calendar field as at least two digits ("07").
    static func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// Writes `text` as one line to standard error, unbuffered and never blocking once
    /// ``StandardStreams/makeNonBlocking()`` ran (what does not fit is dropped and counted).
    public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        StandardStreams.write(bytes, to: .diagnostics)
    }
}
