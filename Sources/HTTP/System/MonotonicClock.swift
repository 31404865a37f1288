#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where the engine reads time for its deadlines: nanoseconds of a monotonic clock.
/// Injected into ``HTTPServer`` so that tests can move time by hand (``ManualClock``).
public protocol MonotonicClock: Sendable {
    func nanoseconds() -> UInt64
}

/// `CLOCK_MONOTONIC`: the clock the server runs on.
public struct SystemClock: MonotonicClock {
    public init() {}

    @inline(__always)
    public func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}

/// A clock that moves only when told to (tests). Safe from any thread.
public final class ManualClock: MonotonicClock {
    private let value: Atomic<UInt64>

    public init(nanoseconds: UInt64 = 1_000_000_000) {
        value = Atomic(nanoseconds)
    }

    public func nanoseconds() -> UInt64 { value.load(ordering: .relaxed) }

    public func advance(seconds: Double) {
        value.add(UInt64(seconds * 1_000_000_000), ordering: .relaxed)
    }
}
