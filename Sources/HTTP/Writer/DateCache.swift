#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// The IMF-fixdate for the `Date` header (RFC 9110 §5.6.7), formatted once per second.
/// Owned by one event loop; not shared.
struct DateCache {
    private(set) var headerLine: [UInt8] = []
    private var second: time_t = -1

    /// Refreshes the cached line when the wall-clock second has changed.
    mutating func refresh() {
        let now = time(nil)
        guard now != second else { return }
        second = now
        headerLine = Array("Date: \(DateCache.imfFixdate(now))\r\n".utf8)
    }

    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func imfFixdate(_ seconds: time_t) -> String {
        let parts = UTCTimestamp.brokenDown(seconds)
        let two = UTCTimestamp.two
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
