/// One loop's share of time for expensive requests (cache misses), as a token bucket of
/// nanoseconds: it refills at `share` of wall time and is spent by every request that took
/// longer than `heavyNanoseconds`. A connection whose last request was heavy waits while
/// the bucket is empty, so cheap (cached) requests on other connections keep their turn,
/// the way redis caps a client's work per event (`NET_MAX_WRITES_PER_EVENT`).
///
/// Work-conserving: a loop with nothing else to do still serves one waiting heavy request
/// per turn (see ``EventLoop/resumeWaiting(loopWasIdle:)``). Owned by one loop.
struct Fairness {
    /// A request that took longer than this is expensive (a cached response takes ~10 µs).
    static let heavyNanoseconds: Int64 = 200_000
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
