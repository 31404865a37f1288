/// A read-only table keyed by words, for the extraction rules' lexicons: a lookup per word of
/// every sentence at load, where `Dictionary`'s SipHash of each word was a third of extraction.
///
/// A word of ASCII is hashed with FNV-1a over its bytes and found by open addressing, its
/// equality a byte comparison. `String` equality is canonical equivalence, so each key is
/// entered under its composed form (NFC, utf8proc): an ASCII word can equal only a key whose
/// composed form is that word. A word with other scalars is composed too; if that leaves
/// ASCII (the Kelvin sign is K) it is looked up as such, otherwise in a `Dictionary` of the
/// keys that do not compose to ASCII. The answers are `Dictionary`'s.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    private let mask: Int
    /// The keys whose composed form is not ASCII.
    private let others: [String: Value]

    init(_ entries: [String: Value]) {
        var capacity = 2
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        keys = [String?](repeating: nil, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        var others: [String: Value] = [:]
        for (key, value) in entries {
            let composed = UnicodeMatching.composed(key)
            guard let hash = Self.asciiHash(composed) else {
                others[key] = value
                continue
            }
            var slot = hash & mask
            while let existing = keys[slot], existing != composed { slot = (slot + 1) & mask }
            keys[slot] = composed
            values[slot] = value
        }
        self.others = others
    }

    subscript(word: String) -> Value? {
        self[WordKey(word)]
    }

    /// A word already hashed: a rule that reads one word in several tables hashes it once.
    subscript(key: WordKey) -> Value? {
        if let ascii = key.ascii { return self[ascii: ascii.word, ascii.hash] }
        return others[key.word]
    }

    private subscript(ascii word: String, hash: Int) -> Value? {
        probe(hash) { $0 == word }
    }

    /// A word of ASCII bytes, hashed by the caller with ``FNV1a`` (as ``asciiHash(_:)`` does):
    /// found without making a `String` of it. For an ASCII word this is `self[word]`.
    func value<Bytes: Collection<UInt8>>(asciiBytes bytes: Bytes, hash: Int) -> Value? {
        probe(hash) { $0.utf8.elementsEqual(bytes) }
    }

    /// The open-addressing walk from `hash`'s slot: the value of the first key `matches` takes.
    @inline(__always)
    private func probe(_ hash: Int, _ matches: (String) -> Bool) -> Value? {
        var slot = hash & mask
        while let key = keys[slot] {
            if matches(key) { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func contains(_ word: String) -> Bool {
        self[word] != nil
    }

    func contains(_ key: WordKey) -> Bool {
        self[key] != nil
    }

    /// ``FNV1a`` over the word's UTF-8; nil when a byte is not ASCII.
    @inline(__always)
    static func asciiHash(_ word: String) -> Int? {
        let (hash, bits) = word.utf8.withContiguousStorageIfAvailable { FNV1a.hash($0) } ?? FNV1a.hash(word.utf8)
        return bits < 0x80 ? Int(truncatingIfNeeded: hash) : nil
    }
}

/// A word as every ``WordTable`` looks it up: hashed with FNV-1a when it is ASCII, or composes
/// to ASCII (the composed form is then what is compared); otherwise looked up as it is in the
/// tables' `Dictionary` of other keys. Made once per word, read by any number of tables.
struct WordKey {
    let word: String
    let ascii: (word: String, hash: Int)?

    @inline(__always)
    init(_ word: String) {
        self.word = word
        if let hash = WordTable<Void>.asciiHash(word) {
            ascii = (word, hash)
        } else {
            let composed = UnicodeMatching.composed(word)
            ascii = WordTable<Void>.asciiHash(composed).map { (composed, $0) }
        }
    }
}

/// A set of words: `["declined", "rejected"]`.
extension WordTable: ExpressibleByArrayLiteral where Value == Void {
    init(arrayLiteral words: String...) {
        self.init(words: words)
    }

    init<Words: Sequence>(words: Words) where Words.Element == String {
        self.init(Dictionary(words.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }))
    }
}
