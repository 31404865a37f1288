/// One loop's share of time for expensive requests (cache misses), as a token bucket of
/// nanoseconds: it refills at `share` of wall time and is spent by every request that took
/// longer than `heavyNanoseconds`. A connection whose last request was heavy waits while
/// the bucket is empty, so cheap (cached) requests on other connections keep their turn,
/// the way redis caps a client's work per event (`NET_MAX_WRITES_PER_EVENT`).
///
/// Work-conserving: once no quick request (a cache hit) has been served for ``contentionWindow``, every
/// waiting heavy connection goes (see ``EventLoop/resumeWaiting()``), so a workload of only
/// expensive requests runs at full speed. The window is wall time, not one turn of the loop:
/// cheap clients that share the machine's cores are slowed by the very work the share limits,
/// and a turn without their next request is not a turn without them. While heavy connections
/// wait, the loop sleeps until the bucket refills instead of polling. Owned by one loop.
struct Fairness {
    /// A request whose responder took longer than this is expensive: a cached response takes
    /// 1–3 µs in a release build, a cache miss of a 20-event page 15–20 µs, a page of 100
    /// pretty-printed entities 100–200 µs. (25 µs until misses got cheaper: the ordinary
    /// filtered miss then straddled the line and throttled itself.)
    static let heavyNanoseconds: Int64 = 50_000
    /// Expensive requests may take 1/`share` of a contended loop's time, their writes included.
    /// A half (2) let a flood of large misses keep both cores of a 2-core box busy, so its
    /// cached clients, which share those cores, kept only 0.17 of their rate; a quarter keeps
    /// 0.66–0.87 (`bench/fairness.sh`). Uncontended, expensive work is not limited at all.
    static let share: Int64 = 4
    /// At most this much expensive work is banked for a burst.
    static let capacity: Int64 = 20_000_000

    /// How long after the last cheap request the share still holds.
    static let contentionWindow: UInt64 = 10_000_000
    /// A request this quick is the traffic the share protects (a cached response): only such
    /// requests make the loop contended. Misses between this and ``heavyNanoseconds`` neither
    /// contend nor wait, so a load of only misses never throttles itself.
    static let contendingNanoseconds: Int64 = 10_000

    private(set) var tokens: Int64 = Self.capacity
    private var refilled: UInt64 = 0
    /// When the last cheap request was served (0: never).
    private var lastCheap: UInt64 = 0

    /// True while heavy connections must wait.
    mutating func exhausted(now: UInt64) -> Bool {
        refill(now: now)
        return tokens < 0
    }

    /// Records a request that took `nanoseconds`; returns whether it was heavy. A cheap one
    /// `contends` for the loop unless its connection's previous request was heavy: a client
    /// mixing cache hits into its own flood of misses is not the cheap traffic the share protects.
    mutating func charge(_ nanoseconds: UInt64, now: UInt64, contends: Bool = true) -> Bool {
        let cost = Int64(clamping: nanoseconds)
        guard cost > Self.heavyNanoseconds else {
            if contends && cost <= Self.contendingNanoseconds { lastCheap = max(now, 1) }
            return false
        }
        refill(now: now)
        tokens -= cost
        return true
    }

    /// Spends `nanoseconds` more of the share (the write of an expensive request's response).
    mutating func spend(_ nanoseconds: UInt64, now: UInt64) {
        refill(now: now)
        tokens -= Int64(clamping: nanoseconds)
    }

    /// Whether cheap requests were served within ``contentionWindow`` of `now`.
    func contended(now: UInt64) -> Bool {
        lastCheap != 0 && now >= lastCheap && now - lastCheap < Self.contentionWindow
    }

    /// Milliseconds (rounded up) until the bucket is no longer overdrawn; 0 when it is not.
    mutating func millisecondsUntilAvailable(now: UInt64) -> Int {
        refill(now: now)
        guard tokens < 0 else { return 0 }
        let nanoseconds = UInt64(-tokens) * UInt64(Self.share)
        return Int((nanoseconds + 999_999) / 1_000_000)
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
