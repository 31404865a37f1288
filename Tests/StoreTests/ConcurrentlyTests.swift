#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import Testing

@testable import Store

@Suite("Concurrently")
struct ConcurrentlyTests {
    /// Parts of every size, empty ones too, of heap strings: a copy that lost or doubled a
    /// retain would crash or leak here under the sanitizers.
    static let parts: [[String]] = (0..<300).map { part in
        (0..<(part % 7 == 0 ? 0 : part % 13)).map { "a string long enough for the heap \(part)-\($0)" }
    }

    @Test("joined is the parts end to end, as flatMap has them")
    func joined() {
        #expect(Concurrently.joined(Self.parts) == Self.parts.flatMap { $0 })
        // Past 65,536 elements the parts are copied on the pool.
        let large = (0..<40).map { part in (0..<(part == 7 ? 0 : 2_000)).map { "\(part)-\($0) and a heap-sized tail" } }
        #expect(Concurrently.joined(large) == large.flatMap { $0 })
        #expect(Concurrently.joined([[String]]()).isEmpty)
        #expect(Concurrently.joined([[], [], []] as [[Int]]).isEmpty)
    }

    @Test("forEachInOrder hands the caller every result, in item order (on the pool from 1,000 items)")
    func forEachInOrder() {
        for count in [1, 2, 15, 999, 1_000, 1_017, 5_000] {
            var seen: [Int] = []
            Concurrently.forEachInOrder(Array(0..<count), { $0 * 2 }, consume: { seen += $0 })
            #expect(seen == (0..<count).map { $0 * 2 })
        }
    }

    @Test("mapChunks covers every item once, in order")
    func mapChunks() {
        for count in [0, 1, 16, 17, 999] {
            let chunks = Concurrently.mapChunks(Array(0..<count)) { Array($0) }
            #expect(chunks.flatMap { $0 } == Array(0..<count))
        }
    }

    @Test("mapWaiting keeps item order, on the calling thread for one run")
    func mapWaitingOrder() {
        for count in [0, 1, 32, 33, 257, 5_000] {
            #expect(Concurrently.mapWaiting(Array(0..<count)) { "item \($0)" } == (0..<count).map { "item \($0)" })
        }
    }

    /// Each body waits until every lane is inside one: with the pool's one thread per core, the
    /// lanes past the core count would never start, and the waits would time out.
    @Test("mapWaiting's lanes wait at the same time, more of them than cores")
    func mapWaitingLanesWaitTogether() {
        let lanes = Concurrently.waitingLanes
        let gate = DispatchSemaphore(value: 0)
        let arrived = ArrivalCounter()
        let results = Concurrently.mapWaiting(Array(0..<(lanes * 32))) { item -> Bool in
            // The first item of each run is where a lane arrives; the last arrival opens the gate.
            guard item % 32 == 0 else { return true }
            if arrived.increment() == lanes {
                for _ in 0..<lanes { gate.signal() }
            }
            return gate.wait(timeout: .now() + 10) == .success
        }
        #expect(lanes > 2)
        #expect(results.allSatisfy { $0 }, "every lane was inside a body at once")
    }

    @Test("release takes the value and frees it on a pool thread, at once below 1,000 articles")
    func releaseFreesWhereItSays() {
        for articles in [5, 1_000] {
            let record = FreeingThread()
            var value: Tracked? = Tracked(record)
            let freeing = Concurrently.release(articles: articles, taking: &value)
            #expect(value == nil)
            freeing.wait()
            let freer = record.thread.load(ordering: .relaxed)
            #expect(freer != 0, "freed by the time the wait returns")
            #expect((freer == UInt(pthread_self())) == (articles < 1_000))
        }
    }
}

/// How many lanes have arrived.
private final class ArrivalCounter: Sendable {
    private let count = Atomic<Int>(0)

    func increment() -> Int {
        count.add(1, ordering: .relaxed).newValue
    }
}

/// The thread a ``Tracked`` was freed on.
private final class FreeingThread: Sendable {
    let thread = Atomic<UInt>(0)
}

/// Records, when freed, the thread that freed it.
private final class Tracked: Sendable {
    let record: FreeingThread

    init(_ record: FreeingThread) {
        self.record = record
    }

    deinit {
        record.thread.store(UInt(pthread_self()), ordering: .relaxed)
    }
}
