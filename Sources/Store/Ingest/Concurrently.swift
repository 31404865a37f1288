#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Runs a pure per-article step on every core: articles are independent, and what they read
/// (the knowledge base, the entity catalog) is immutable. The results keep the input order, so
/// the output is the same as a serial loop's, whatever the scheduling.
enum Concurrently {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(body) }
        let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        // Chunks of articles, not one dispatch per article: the lock is taken once per chunk.
        let chunk = max(1, items.count / (ProcessInfoCPU.count * 8))
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            let range = (part * chunk)..<min(items.count, (part + 1) * chunk)
            let values = range.map { body(items[$0]) }
            results.withLock { results in
                for (offset, value) in zip(range, values) { results[offset] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    static func flatMap<T: Sendable>(_ items: [String], _ body: @Sendable (String) -> [T]) -> [T] {
        map(items, body).flatMap { $0 }
    }
}

/// Online CPUs, for sizing chunks (the scheduler decides the actual parallelism).
private enum ProcessInfoCPU {
    static let count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
