import CStemmer

/// Snowball's English stemmer (Porter2, through libstemmer from Debian's libstemmer-dev),
/// applied to every folded term of documents and queries alike: `called`, `calls` and `call`
/// meet; so do `training` and `train`, `guarantees` and `guarantee`, `countries` and `country`.
/// The stem need not be a word (`guarante`).
///
/// One stemmer per tokenizer (libstemmer's stemmers are not thread-safe; a tokenizer is used
/// by one task at a time), with a cache of the words it has seen: a corpus repeats its words.
final class SearchStemmer {
    private let stemmer: OpaquePointer?
    private var cache: [Word: [UInt8]] = [:]
    /// A cache key hashed in one call over its bytes (an array of bytes hashes byte by byte).
    private struct Word: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
    /// Beyond this many distinct words the cache is cleared (a query tokenizer never gets near it).
    static let cacheLimit = 200_000

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// Stems `word` (folded UTF-8 bytes) in place; unchanged if the stemmer could not start.
    func stem(_ word: inout [UInt8]) {
        guard let stemmer, !word.isEmpty else { return }
        if let known = cache[Word(bytes: word)] {
            word = known
            return
        }
        let original = word
        stemUncached(&word)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[Word(bytes: original)] = word
    }

    /// Stems `word` in place without the cache, for a caller that meets each word once.
    func stemUncached(_ word: inout [UInt8]) {
        guard let stemmer, !word.isEmpty else { return }
        let stemmed: [UInt8]? = word.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(buffer.count)) else { return nil }
            return Array(UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer))))
        }
        if let stemmed { word = stemmed }
    }

    func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
