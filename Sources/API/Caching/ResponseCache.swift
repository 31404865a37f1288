import HTTP
import Locking

/// Finished representations of one dataset, keyed by the request (target, the format `Accept`
/// negotiates to, base URL). The data is immutable, so an entry never goes stale; it dies with
/// its dataset on reload.
///
/// Bounded in entries and in bytes (bodies plus keys): a client varying the query cannot grow
/// it past `maxBytes`. Two generations: when the current one is full it becomes the old one and
/// a new one starts; a hit in the old generation moves the entry forward. So what is in use
/// survives a flood of one-off requests, which only ever displace each other. Bodies larger
/// than `maxBytes / 16` are served but not kept.
public final class ResponseCache: Sendable {
    /// What makes two requests share a representation: the raw target (path and query as
    /// sent), the Accept header, and the base URL the links are written against. A struct of
    /// shared strings, so building a key allocates nothing.
    struct Key: Hashable, Sendable {
        let target: String
        /// The negotiated format's name ("json", "csv"…), or "none" when nothing is acceptable.
        let accept: String
        let scheme: String
        let host: String
        let prefix: String
        /// Hashed once: every lookup and insert of a miss (up to five) reuses it.
        private let hash: Int

        init(target: String, accept: String, scheme: String, host: String, prefix: String) {
            self.target = target
            self.accept = accept
            self.scheme = scheme
            self.host = host
            self.prefix = prefix
            // The target and format tell requests apart; scheme, host and prefix are nearly always
            // the same, so they are compared (`==`) but not hashed.
            var hasher = Hasher()
            hasher.combine(target)
            hasher.combine(accept)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && lhs.target == rhs.target && lhs.accept == rhs.accept && lhs.scheme == rhs.scheme
                && lhs.host == rhs.host && lhs.prefix == rhs.prefix
        }

        var size: Int {
            target.utf8.count + accept.utf8.count + scheme.utf8.count + host.utf8.count + prefix.utf8.count
        }
    }

    /// A class: every hit copies it out of the dictionary, and a struct of five references
    /// retained and released each of them.
    final class Entry: Sendable {
        /// The body, shared by every response that serves it (and sent from a memory file).
        let shared: SharedBody
        let etag: String
        let contentType: String
        let link: String?
        /// gzip and Brotli forms, and the serialised header fields of each, made when first asked for.
        let encoded = EncodedBodies()

        init(body: [UInt8], etag: String, contentType: String, link: String?) {
            self.shared = SharedBody(body)
            self.etag = etag
            self.contentType = contentType
            self.link = link
        }

        var body: [UInt8] { shared.bytes }

        /// The body, plus up to half as much again for the compressed forms it may gain, plus the
        /// copy in its memory file when it is large enough to get one (``SharedBody``).
        var size: Int {
            let file = shared.mayHaveFile ? body.count : 0
            return body.count + body.count / 2 + file + etag.utf8.count + contentType.utf8.count + (link?.utf8.count ?? 0)
        }
    }

    struct Generation {
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    struct Contents {
        var current = Generation()
        var old = Generation()
    }

    private let storage = Locked(Contents())
    let maxEntries: Int
    let maxBytes: Int

    /// Each generation holds half of `maxEntries` and `maxBytes`.
    public init(maxEntries: Int = 4096, maxBytes: Int = 32 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func get(_ key: Key) -> Entry? {
        // A generation that falls out is released as this returns, after the lock (see `put`).
        let (entry, _) = storage.withLock { contents -> (Entry?, Generation?) in
            if let entry = contents.current.entries[key] { return (entry, nil) }
            guard let entry = contents.old.entries.removeValue(forKey: key) else { return (nil, nil) }
            contents.old.bytes -= key.size + entry.size
            return (entry, Self.insert(key, entry, into: &contents, maxEntries: maxEntries, maxBytes: maxBytes))
        }
        return entry
    }

    func put(_ key: Key, _ entry: Entry) {
        let size = key.size + entry.size
        guard size <= maxBytes / 16 else { return }
        // The generation that falls out is returned and released here, after the lock: thousands of
        // entries take a while to free, and other loops need the cache.
        _ = storage.withLock { contents in
            if let old = contents.old.entries.removeValue(forKey: key) { contents.old.bytes -= key.size + old.size }
            return Self.insert(key, entry, into: &contents, maxEntries: maxEntries, maxBytes: maxBytes)
        }
    }

    /// Inserts, and returns the generation that fell out when the current one was full.
    private static func insert(
        _ key: Key, _ entry: Entry, into contents: inout Contents, maxEntries: Int, maxBytes: Int
    ) -> Generation? {
        let size = key.size + entry.size
        if let previous = contents.current.entries[key] { contents.current.bytes -= key.size + previous.size }
        var dropped: Generation?
        if contents.current.entries.count >= maxEntries / 2 || contents.current.bytes + size > maxBytes / 2 {
            dropped = contents.old
            contents.old = contents.current
            contents.current = Generation()
        }
        contents.current.entries[key] = entry
        contents.current.bytes += size
        return dropped
    }

    var count: Int { storage.withLock { $0.current.entries.count + $0.old.entries.count } }
    var bytes: Int { storage.withLock { $0.current.bytes + $0.old.bytes } }
}
