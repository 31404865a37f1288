#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Runs the load's pure per-article steps on every core: articles are independent, and what they
/// read (the knowledge base, the entity catalog) is immutable. The results keep the input order,
/// so the output is the same as a serial loop's, whatever the scheduling. Also: a serial step fed
/// by a parallel one as it goes (``forEachInOrder(_:_:consume:)``), a step started early and
/// taken late (``start(articles:_:)``), and one-allocation joins.
enum Concurrently {
    /// `body` over `items` on every core. With `articles`, the size of the load: below
    /// ``backgroundArticles`` on the calling thread, as ``start(articles:_:)`` (a step whose results
    /// the dataset keeps must not make them in a pool thread's arena when it is not compacted).
    static func map<T: Sendable, R: Sendable>(_ items: [T], articles: Int = .max, _ body: @Sendable (T) -> R) -> [R] {
        guard items.count > 1, articles >= backgroundArticles else { return items.map(body) }
        // Chunks of articles, not one dispatch per article; each chunk writes its own slots, so
        // no lock is needed, and concurrentPerform returning orders every write before the read.
        let chunks = chunks(items.count)
        let slots = Slots<R>(count: items.count)
        defer { slots.release() }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { part in
            for index in chunks[part] {
                slots.set(index, body(items[index]))
            }
        }
        return slots.values()
    }

    /// `body` over `items` on ``waitingLanes`` threads of their own, for a step that mostly waits
    /// on the disk: reading 100,000 article files through a cold page cache, the pool's one thread
    /// per core kept one read each in flight (100,000 files of 3 KB: 7.5 s on one thread, 2.5 s
    /// with sixteen). Each lane is a serial queue, which libdispatch runs on a thread of its own
    /// whether or not the others are blocked. The lanes take runs of consecutive items in order, so
    /// the reads follow the directory, and the results keep the input order.
    static func mapWaiting<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        let run = 32
        // One run: on the calling thread (the shipped seeds' five articles start no thread).
        guard items.count > run else { return items.map(body) }
        let slots = Slots<R>(count: items.count)
        defer { slots.release() }
        let cursor = RunCursor(count: items.count, run: run)
        let group = DispatchGroup()
        for lane in 0..<min(waitingLanes, (items.count + run - 1) / run) {
            DispatchQueue(label: "accord-read-\(lane)").async(group: group) {
                while let run = cursor.next() {
                    for index in run { slots.set(index, body(items[index])) }
                }
            }
        }
        group.wait()
        return slots.values()
    }

    /// Four lanes per core, at most eight: glibc gives each thread a malloc arena up to eight per
    /// core, and the compaction threads, which start after the reads, must still get arenas of
    /// their own rather than share one holding file bytes (see the API's `DatasetCompaction`).
    static let waitingLanes = min(8, 4 * onlineCPUs)

    /// `body` over consecutive runs of `items` (the chunks ``map(_:_:)`` hands each task), in
    /// order: for a step that keeps state across items, such as a term dictionary.
    static func mapChunks<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (ArraySlice<T>) -> R) -> [R] {
        map(chunks(items.count)) { body(items[$0]) }
    }

    /// `produce` over `items` on the pool, while the caller runs `consume` on each chunk's
    /// results in item order as soon as that chunk is done: a serial step fed by a parallel one
    /// runs beside it instead of after it.
    static func forEachInOrder<T: Sendable, R: Sendable>(
        _ items: [T], _ produce: @escaping @Sendable (T) -> R, consume: ([R]) -> Void
    ) {
        guard items.count >= backgroundArticles else {
            // A few articles: at once, on this thread (see ``backgroundArticles``).
            consume(items.map(produce))
            return
        }
        let chunks = chunks(items.count)
        let ready = ReadySlots<[R]>(count: chunks.count)
        let producing = Pending(onPool: true) {
            DispatchQueue.concurrentPerform(iterations: chunks.count) { part in
                ready.set(part, items[chunks[part]].map(produce))
            }
        }
        for part in chunks.indices {
            consume(ready.take(part))
        }
        producing.wait()
    }

    /// The parts of a per-item or per-chunk result end to end, in one allocation, the parts
    /// copied on the pool when there are many elements: `flatMap` grew the result by doubling, each time into fresh
    /// pages, and one thread's copy of 5 million mentions (their page faults, a retain per
    /// string) was seconds of a 100,000-article load.
    static func joined<E: Sendable>(_ parts: [[E]]) -> [E] {
        let total = parts.reduce(0) { $0 + $1.count }
        guard total >= 65_536 else {
            // Small: one thread's copy is quicker than waking the pool.
            var result: [E] = []
            result.reserveCapacity(total)
            for part in parts { result.append(contentsOf: part) }
            return result
        }
        var offsets: [Int] = []
        var next = 0
        for part in parts {
            offsets.append(next)
            next += part.count
        }
        let starts = offsets
        return [E](unsafeUninitializedCapacity: total) { buffer, count in
            let target = JoinTarget(buffer)
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                target.copy(parts[index], at: starts[index])
            }
            count = total
        }
    }

    /// `body` on a pool thread, beside the caller's own work: for a step whose input is final
    /// early and whose result is needed late, such as the articles' search terms. For a load of
    /// fewer than ``backgroundArticles`` articles it runs at once on the calling thread.
    static func start<R: Sendable>(articles: Int, _ body: @escaping @Sendable () -> R) -> Pending<R> {
        Pending(onPool: articles >= backgroundArticles, body)
    }

    /// Takes `value` out of the caller's variable and frees it on a pool thread, beside the
    /// caller's next steps (when nothing else holds it): at 100,000 articles the extraction's
    /// groups took a second of one thread to free, after the merge had read them. For a load of
    /// fewer than ``backgroundArticles`` articles it is freed at once. Wait on the result before
    /// trimming the heap (and so before measuring it).
    static func release<T: Sendable>(articles: Int, taking value: inout T?) -> Pending<Void> {
        let holder = Holder(value.take())
        return start(articles: articles) { holder.drop() }
    }

    /// Below this many articles a step is not worth a pool thread (``start(articles:_:)``,
    /// ``forEachInOrder(_:_:consume:)``): what it keeps would sit in that thread's malloc arena for
    /// the dataset's life (a small dataset is not compacted), and the code it runs adds resident
    /// pages, for an overlap of a millisecond (idle RSS on the shipped seeds).
    static let backgroundArticles = 1_000

    /// The consecutive ranges of `count` items handed to the tasks: eight tasks per core, so that
    /// an uneven chunk does not leave a core idle.
    private static func chunks(_ count: Int) -> [Range<Int>] {
        let size = max(1, count / (onlineCPUs * 8))
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    private static let onlineCPUs = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// Hands out consecutive runs of `0..<count`, each once, to any number of threads.
private final class RunCursor: Sendable {
    private let taken = Atomic<Int>(0)
    private let count: Int
    private let run: Int

    init(count: Int, run: Int) {
        self.count = count
        self.run = run
    }

    func next() -> Range<Int>? {
        let start = taken.add(run, ordering: .relaxed).oldValue
        return start < count ? start..<min(count, start + run) : nil
    }
}

/// The one reference ``Concurrently/release(articles:taking:)`` hands to a pool thread, dropped there.
private final class Holder<T: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `value` is set in `init` and cleared once, by the one task that runs `drop`.
    private var value: T?

    init(_ value: T?) {
        self.value = value
    }

    func drop() {
        value = nil
    }
}

/// A step started on a pool thread while its caller goes on (``Concurrently/start(articles:_:)``).
final class Pending<R: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `result` is written once, before `done` is left, and read only after waiting on it.
    private var result: R?
    private let done = DispatchGroup()

    init(onPool: Bool, _ body: @escaping @Sendable () -> R) {
        guard onPool else {
            result = body()
            return
        }
        done.enter()
        DispatchQueue.global().async {
            self.result = body()
            self.done.leave()
        }
    }

    /// The step's result, once it has finished; handed over, so call it once. Kept here too, a
    /// result's arrays would be shared, and the caller's first change would copy them all (a
    /// search index's token arrays: seconds of page faults at 100,000 articles).
    func wait() -> R {
        done.wait()
        guard let result else { preconditionFailure("a pending step's result taken twice, or never made") }
        self.result = nil
        return result
    }
}

/// The joined array's buffer, each part's range written by one task.
private struct JoinTarget<E>: @unchecked Sendable {
    // @unchecked Sendable: the parts' ranges do not overlap, and concurrentPerform returns only after every copy.
    let buffer: UnsafeMutableBufferPointer<E>

    init(_ buffer: UnsafeMutableBufferPointer<E>) {
        self.buffer = buffer
    }

    func copy(_ part: [E], at start: Int) {
        part.withUnsafeBufferPointer { source in
            guard let base = buffer.baseAddress, let from = source.baseAddress, !source.isEmpty else { return }
            (base + start).initialize(from: from, count: source.count)
        }
    }
}

/// One slot per chunk (``Slots``), written once by the pool and taken once by the caller, who
/// waits for it.
private final class ReadySlots<R>: @unchecked Sendable {
    // @unchecked Sendable: slot i is written before semaphore i is signalled and read only after waiting on it.
    private let slots: Slots<R>
    private let signals: [DispatchSemaphore]

    init(count: Int) {
        slots = Slots(count: count)
        signals = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    deinit {
        slots.release()
    }

    func set(_ index: Int, _ value: R) {
        slots.set(index, value)
        signals[index].signal()
    }

    func take(_ index: Int) -> R {
        signals[index].wait()
        guard let value = slots.take(index) else { preconditionFailure("chunk \(index) signalled without a result") }
        return value
    }
}

/// One result slot per item (or chunk), written by exactly one task.
private final class Slots<R>: @unchecked Sendable {
    // @unchecked Sendable: each index is written by one concurrentPerform iteration only, and read after it returns.
    private let storage: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: R) { storage[index] = value }

    /// The value at `index`, its slot emptied.
    func take(_ index: Int) -> R? {
        defer { storage[index] = nil }
        return storage[index]
    }

    func values() -> [R] { storage.compactMap { $0 } }

    func release() {
        storage.deinitialize()
        storage.deallocate()
    }
}
