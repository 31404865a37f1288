import Dispatch
import Synchronization

/// Runs a pure per-article step on every core: articles are independent, and the knowledge
/// base they read is immutable. The results keep the input order, so the output is the same
/// as a serial loop's, whatever the scheduling.
enum Concurrently {
    static func flatMap<T: Sendable>(_ items: [String], _ body: @Sendable (String) -> [T]) -> [T] {
        guard items.count > 1 else { return items.flatMap(body) }
        let results = Mutex<[[T]]>(Array(repeating: [], count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let value = body(items[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
