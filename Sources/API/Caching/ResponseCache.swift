import Synchronization

/// Finished representations of one dataset, keyed by the normalised request (path, sorted
/// query, format, base URL). The data is immutable, so an entry never goes stale; it dies
/// with its dataset on reload. Bounded: when full, it is cleared and refilled.
public final class ResponseCache: Sendable {
    /// What makes two requests share a representation: the raw target (path and query as
    /// sent), the Accept header, and the base URL the links are written against. A struct of
    /// shared strings, so building a key allocates nothing.
    struct Key: Hashable, Sendable {
        let target: String
        let accept: String?
        let scheme: String
        let host: String
        let prefix: String
    }

    struct Entry: Sendable {
        let body: [UInt8]
        let etag: String
        let contentType: String
        let link: String?
    }

    private let storage = Mutex<[Key: Entry]>([:])
    private let maxEntries: Int

    public init(maxEntries: Int = 4096) {
        self.maxEntries = maxEntries
    }

    func get(_ key: Key) -> Entry? {
        storage.withLock { $0[key] }
    }

    func put(_ key: Key, _ entry: Entry) {
        storage.withLock { entries in
            if entries.count >= maxEntries { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    var count: Int { storage.withLock { $0.count } }
}
