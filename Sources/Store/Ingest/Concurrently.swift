#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Runs a pure per-article step on every core: articles are independent, and what they read
/// (the knowledge base, the entity catalog) is immutable. The results keep the input order, so
/// the output is the same as a serial loop's, whatever the scheduling.
enum Concurrently {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(body) }
        // Chunks of articles, not one dispatch per article; each chunk writes its own slots, so
        // no lock is needed, and concurrentPerform returning orders every write before the read.
        let chunk = chunkSize(items.count)
        let chunks = (items.count + chunk - 1) / chunk
        let slots = Slots<R>(count: items.count)
        defer { slots.release() }
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            for index in (part * chunk)..<min(items.count, (part + 1) * chunk) {
                slots.set(index, body(items[index]))
            }
        }
        return slots.values()
    }

    /// `body` over consecutive runs of `items` (the chunks ``map(_:_:)`` hands each task), in
    /// order: for a step that keeps state across items, such as a term dictionary.
    static func mapChunks<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (ArraySlice<T>) -> R) -> [R] {
        guard !items.isEmpty else { return [] }
        let chunk = chunkSize(items.count)
        let starts = Array(stride(from: 0, to: items.count, by: chunk))
        return map(starts) { start in body(items[start..<min(items.count, start + chunk)]) }
    }

    /// Items per task: eight tasks per core, so that an uneven chunk does not leave a core idle.
    private static func chunkSize(_ count: Int) -> Int {
        max(1, count / (onlineCPUs * 8))
    }

    private static let onlineCPUs = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// One result slot per item, written by exactly one chunk.
private final class Slots<R>: @unchecked Sendable {
    // @unchecked Sendable: each index is written by one concurrentPerform iteration only, and read after it returns.
    private let storage: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: R) { storage[index] = value }

    func values() -> [R] { storage.compactMap { $0 } }

    func release() {
        storage.deinitialize()
        storage.deallocate()
    }
}
