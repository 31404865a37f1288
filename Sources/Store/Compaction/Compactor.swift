import Locking

/// Copies what a load keeps into new allocations, made one after another, so that the kept
/// records sit together instead of between the load's freed scratch.
///
/// A load allocates about seventy times what it keeps (tokens, sentence copies, candidate
/// events) and keeps a few dozen small objects per article (its id, title and paragraph texts,
/// its events' quotes). Each kept object pins the page it sits on, so glibc could give back
/// only half of the freed memory: at 10,000 articles 406 MiB stayed resident for 192 MiB in use.
/// A copy made on threads of their own (``DatasetCompaction`` in the API runs it on two threads,
/// each with its own malloc arena), after which the originals are dropped, leaves the old pages
/// wholly free, so `malloc_trim` hands them back.
///
/// Strings that were one storage before are one storage after (a mention's article id is the
/// article's id): each heap string is copied once, keyed by its storage's address, which is
/// stable while the originals are alive. The copies are kept in a ``CopyTable`` that the
/// compactors of one compaction share, one compactor per thread, so a string met by both
/// threads (a quote in an event and in the search index) is still copied once, by the first.
public final class Compactor {
    private let table: CopyTable
    /// The last string looked up: runs of one value (a mention's article id, fifty times in a
    /// row) skip the table, a lookup that misses the cache at millions of entries.
    private var last: (key: UInt, copy: String)?

    /// A compactor for one thread, sharing `table` with the other threads of the same compaction.
    public init(sharing table: CopyTable = CopyTable()) {
        self.table = table
    }

    /// `value` in a storage of its own (once per original storage). A string of up to 15
    /// UTF-8 bytes is stored in the value itself (Swift's small-string form) and needs no copy.
    public func string(_ value: String) -> String {
        guard value.utf8.count > 15 else { return value }
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes -> String in
            guard let base = bytes.baseAddress else { return CopyTable.copy(of: bytes) }
            let key = UInt(bitPattern: base)
            if let last, last.key == key { return last.copy }
            let copy = table.copy(of: value, bytes, key: key)
            last = (key, copy)
            return copy
        }
        // A string without contiguous UTF-8 (bridged; none on Linux) is copied without the table.
        return copied ?? String(decoding: Array(value.utf8), as: UTF8.self)
    }

    public func string(_ value: String?) -> String? {
        value.map { string($0) }
    }

    public func strings(_ values: [String]) -> [String] {
        array(values) { string($0) }
    }

    /// A new array of `element(value)` for each value, at its exact size (an array grown by
    /// appending keeps up to half its capacity unused).
    public func array<Element>(_ values: [Element], _ element: (Element) -> Element) -> [Element] {
        guard !values.isEmpty else { return [] }
        // Read in place: iterating the array would copy each element out (a retain of every
        // reference it holds, each a cache miss on the load's scattered heap).
        return values.withUnsafeBufferPointer { source in
            [Element](unsafeUninitializedCapacity: source.count) { buffer, count in
                for index in source.indices {
                    buffer.initializeElement(at: index, to: element(source[index]))
                }
                count = source.count
            }
        }
    }

    /// Plain values, copied too however large: an array left behind would keep the load's
    /// arena, and the freed pages around it, in use.
    public func values<Element: BitwiseCopyable>(_ values: [Element]) -> [Element] {
        array(values) { $0 }
    }

    public func dictionary<Key: Hashable, Value>(
        _ values: [Key: Value], key: (Key) -> Key, value: (Value) -> Value
    ) -> [Key: Value] {
        var result = [Key: Value](minimumCapacity: values.count)
        for (oldKey, oldValue) in values {
            result[key(oldKey)] = value(oldValue)
        }
        return result
    }

    /// Dictionaries keyed by id, the usual index shape.
    public func dictionary<Value>(_ values: [String: Value], value: (Value) -> Value) -> [String: Value] {
        dictionary(values, key: { string($0) }, value: value)
    }
}

/// The copies of one compaction, by the original's storage address, in shards under locks of
/// their own (``Locked``; ThreadSanitizer reports false races inside `Mutex`), so the compactors
/// of two threads rarely wait for each other. Each copy is made by the thread that first asks for
/// it, so it lies in that thread's arena. Each is kept with its original: while the original is
/// in the table its address cannot be reused by another string.
public final class CopyTable: Sendable {
    private static let shardCount = 64
    private let shards: [Locked<[UInt: (original: String, copy: String)]>]

    public init() {
        shards = (0..<Self.shardCount).map { _ in Locked([:]) }
    }

    /// The copy of `original` (whose contiguous UTF-8 is `bytes`, at address `key`): made now
    /// if no thread has made it yet.
    func copy(of original: String, _ bytes: UnsafeBufferPointer<UInt8>, key: UInt) -> String {
        // Storage addresses are 16-byte aligned: the bits above those pick the shard.
        shards[Int((key >> 4) % UInt(Self.shardCount))].withLock { copies in
            if let known = copies[key] { return known.copy }
            let copy = Self.copy(of: bytes)
            copies[key] = (original, copy)
            return copy
        }
    }

    /// A new storage holding `bytes`.
    static func copy(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            buffer.initialize(fromContentsOf: bytes)
        }
    }
}
