/// Copies what a load keeps into new allocations, made one after another, so that the kept
/// records sit together instead of between the load's freed scratch.
///
/// A load allocates about seventy times what it keeps (tokens, sentence copies, candidate
/// events) and keeps a few dozen small objects per article (its id, title and paragraph texts,
/// its events' quotes). Each kept object pins the page it sits on, so glibc could give back
/// only half of the freed memory: at 10,000 articles 415 MB stayed resident for 202 MB in use.
/// A copy made on a thread of its own (``DatasetCompaction`` in the API runs it on a thread
/// with its own malloc arena), after which the originals are dropped, leaves the old pages
/// wholly free, so `malloc_trim` hands them back.
///
/// Strings that were one storage before are one storage after (a mention's article id is the
/// article's id): each heap string is copied once, keyed by its storage's address, which is
/// stable while the originals are alive. Not thread-safe; one compaction, one thread.
public final class Compactor {
    private var strings: [UnsafeRawPointer: String] = [:]
    /// Arrays of plain values at least this large are kept as they are: they fill their pages.
    static let keptArrayBytes = 64 << 10

    public init() {}

    /// `value` in a storage of its own (once per original storage). A string of up to 15
    /// UTF-8 bytes is stored in the value itself (Swift's small-string form) and needs no copy.
    public func string(_ value: String) -> String {
        let count = value.utf8.count
        guard count > 15 else { return value }
        let key = value.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        if let key, let copy = strings[key] { return copy }
        let copy = String(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for byte in value.utf8 {
                buffer[written] = byte
                written += 1
            }
            return written
        }
        if let key { strings[key] = copy }
        return copy
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
        return [Element](unsafeUninitializedCapacity: values.count) { buffer, count in
            count = buffer.initialize(from: values.lazy.map(element)).1
        }
    }

    /// Plain values: a small array is copied, a large one kept (it fills its own pages).
    public func values<Element: BitwiseCopyable>(_ values: [Element]) -> [Element] {
        values.count * MemoryLayout<Element>.stride >= Self.keptArrayBytes ? values : array(values) { $0 }
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
