import HTTP

/// Finished representations of one dataset, keyed by the normalised request (path, query,
/// Accept, base URL). The data is immutable, so an entry never goes stale; it dies with its
/// dataset on reload.
///
/// Bounded in entries and in bytes (bodies plus keys): a client varying `Accept` or the
/// query cannot grow it past `maxBytes`. When either bound would be crossed it is cleared and
/// refilled; bodies larger than `maxBytes / 16` are served but not kept.
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

        var size: Int {
            target.utf8.count + (accept?.utf8.count ?? 0) + scheme.utf8.count + host.utf8.count + prefix.utf8.count
        }
    }

    struct Entry: Sendable {
        let body: [UInt8]
        let etag: String
        let contentType: String
        let link: String?

        var size: Int { body.count + etag.utf8.count + contentType.utf8.count + (link?.utf8.count ?? 0) }
    }

    struct Contents {
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    private let storage = Locked(Contents())
    let maxEntries: Int
    let maxBytes: Int

    public init(maxEntries: Int = 4096, maxBytes: Int = 32 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func get(_ key: Key) -> Entry? {
        storage.withLock { $0.entries[key] }
    }

    func put(_ key: Key, _ entry: Entry) {
        let size = key.size + entry.size
        guard size <= maxBytes / 16 else { return }
        storage.withLock { contents in
            if let old = contents.entries[key] { contents.bytes -= key.size + old.size }
            if contents.entries.count >= maxEntries || contents.bytes + size > maxBytes {
                contents.entries.removeAll(keepingCapacity: true)
                contents.bytes = 0
            }
            contents.entries[key] = entry
            contents.bytes += size
        }
    }

    var count: Int { storage.withLock { $0.entries.count } }
    var bytes: Int { storage.withLock { $0.bytes } }
}
