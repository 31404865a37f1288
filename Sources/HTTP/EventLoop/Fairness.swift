/// One loop's share of time for expensive requests (cache misses), as a token bucket of
/// nanoseconds: it refills at `share` of wall time and is spent by every request that took
/// longer than `heavyNanoseconds`. A connection whose last request was heavy waits while
/// the bucket is empty, so cheap (cached) requests on other connections keep their turn,
/// the way redis caps a client's work per event (`NET_MAX_WRITES_PER_EVENT`).
///
/// Work-conserving: a turn of the loop that served no cheap request lets every waiting heavy
/// connection go (see ``EventLoop/resumeWaiting()``), so a workload of only expensive
/// requests runs at full speed. Owned by one loop.
struct Fairness {
    /// A request whose responder took longer than this is expensive: a cached response takes
    /// 1–3 µs in a release build, a cache miss of a 20-event page ~40 µs, 100 entities ~60 µs.
    static let heavyNanoseconds: Int64 = 25_000
    /// The fraction of a busy loop's time that expensive requests may take.
    static let share: Int64 = 2
    /// At most this much expensive work is banked for a burst.
    static let capacity: Int64 = 20_000_000

    private(set) var tokens: Int64 = Self.capacity
    private var refilled: UInt64 = 0

    /// True while heavy connections must wait.
    mutating func exhausted(now: UInt64) -> Bool {
        refill(now: now)
        return tokens < 0
    }

    /// Records a request that took `nanoseconds`; returns whether it was heavy.
    mutating func charge(_ nanoseconds: UInt64, now: UInt64) -> Bool {
        let cost = Int64(clamping: nanoseconds)
        guard cost > Self.heavyNanoseconds else { return false }
        refill(now: now)
        tokens -= cost
        return true
    }

    private mutating func refill(now: UInt64) {
        if refilled == 0 || now < refilled {
            refilled = now
            return
        }
        let gained = Int64(clamping: (now - refilled) / UInt64(Self.share))
        tokens = min(Self.capacity, tokens &+ gained)
        refilled = now
    }
}
