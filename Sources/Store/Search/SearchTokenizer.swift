/// Turns text into normalised, stemmed search terms with the UTF-8 byte
/// range each term came from. Documents and queries go through the same
/// tokenizer, so they always agree on what a term is.
///
/// Rules, in order:
/// - A token is a run of letters, digits and combining marks (Unicode
///   `isAlphabetic`, decimal digits). Everything else separates tokens, so
///   `"NATO-like"` is `nato`, `like` and `"10,000"` is `10`, `000`.
/// - Case and diacritics are folded: ASCII by hand, other scalars through
///   `DiacriticFolding` (the standard library's lowercase mapping and a table of
///   base letters, no ICU), which also maps letters without a decomposition
///   (ł→l, ø→o, æ→ae, œ→oe, đ→d, ı→i, þ→th). Combining marks are dropped, so
///   decomposed text folds like precomposed.
/// - Apostrophes (`'`, `’`, `‘`, `ʼ`) between letters join (`don't` → `dont`);
///   a final `'s` is a possessive and is stripped (`Russia’s` → `russia`); a
///   trailing apostrophe (`allies'`) ends the token.
/// - Single letters joined by dots are an acronym: `U.S.` → `us`, `e.g.` → `eg`.
///   The token's range then covers the dots, the final one included.
/// - Each term is finally stemmed by `SearchStemmer` (Snowball English).
///
/// A token's range spans every original character that produced it,
/// including a stripped possessive, so snippets mark whole words.
///
/// Not thread-safe: it caches the folding of non-ASCII scalars. Use one value
/// per task; it is cheap to create.
struct SearchTokenizer {
    /// A term and the half-open UTF-8 byte range `start..<end` it was read from.
    struct Token: Hashable, Sendable {
        var term: String
        var start: Int
        var end: Int
    }

    /// Non-ASCII scalars seen so far, folded once each.
    var foldedScalars: [UInt32: FoldedScalar] = [:]
    /// The folded bytes of the token being read.
    var term: [UInt8] = []
    /// This tokenizer's own stemmer (see `SearchStemmer` on threads), made on first use: a
    /// snippet's tokenizer only finds ranges and never stems.
    private(set) lazy var stemmer = SearchStemmer()

    init() {
        term.reserveCapacity(32)
    }

    /// All tokens of `text`, in order.
    mutating func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        forEachToken(in: text) { term, start, end in
            result.append(Token(term: term, start: start, end: end))
        }
        return result
    }

    /// Just the terms of `text`, in order.
    mutating func terms(in text: String) -> [String] {
        var result: [String] = []
        forEachToken(in: text) { term, _, _ in result.append(term) }
        return result
    }

    /// Calls `body(term, start, end)` for each token of `text`, in order.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    mutating func forEachToken(in text: String, _ body: (String, Int, Int) -> Void) {
        let stemmer = self.stemmer
        var text = text
        text.withUTF8 { bytes in
            scan(bytes, foldingTerms: true) { term, start, end in
                stemmer.stem(&term)
                body(String(decoding: term, as: UTF8.self), start, end)
            }
        }
    }

    /// Calls `body(folded)` for each token of `text`, in order, with its case- and
    /// diacritic-folded bytes before stemming: the index builder numbers each form once and
    /// stems only forms it has not met (``SearchStemmer/stem(_:)`` gives the term).
    mutating func forEachFoldedToken(in text: String, _ body: ([UInt8]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            scan(bytes, foldingTerms: true) { term, _, _ in body(term) }
        }
    }

    /// Calls `body(start, end)` for each token of `bytes` (a `String`'s UTF-8), in order: the same
    /// tokens as `forEachToken`, without folding or stemming their terms. Snippets use it to find
    /// the token ranges of the one field they show, which the index does not keep.
    /// Stops after the first `limit` tokens.
    mutating func forEachTokenRange(
        in bytes: UnsafeBufferPointer<UInt8>, limit: Int = .max, _ body: (Int, Int) -> Void
    ) {
        scan(bytes, foldingTerms: false, limit: limit) { _, start, end in body(start, end) }
    }

    /// `body(term, start, end)` per token, `term` its folded bytes (the caller may stem them in
    /// place); with `foldingTerms` false the term is empty.
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, foldingTerms: Bool, limit: Int = .max,
        _ body: (inout [UInt8], Int, Int) -> Void
    ) {
        var emitted = 0
        var index = 0
        var inWord = false
        var start = 0
        // Scalars appended since the word began or since the last acronym dot.
        var segmentLength = 0
        var lastWasLetter = false
        var inAcronym = false

        func finish(_ end: Int) {
            body(&term, start, end)
            inWord = false
            emitted += 1
        }

        while index < bytes.count, emitted < limit {
            let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: index)
            switch classify(scalar) {
            case .word(let isLetter):
                if !inWord {
                    inWord = true
                    start = index
                    term.removeAll(keepingCapacity: true)
                    segmentLength = 0
                    inAcronym = false
                }
                if foldingTerms { appendFolded(scalar) }
                segmentLength += 1
                lastWasLetter = isLetter
                index += width
            case .mark:
                index += width
            case .apostrophe:
                let next = index + width
                if inWord, next < bytes.count, isWord(bytes, at: next) {
                    let after = next + 1
                    if bytes[next] | 0x20 == UInt8(ascii: "s"), after >= bytes.count || !isWord(bytes, at: after) {
                        finish(after)
                        index = after
                    } else {
                        index = next
                    }
                } else {
                    if inWord { finish(index) }
                    index = next
                }
            case .dot:
                let next = index + 1
                if inWord, segmentLength == 1, lastWasLetter {
                    if next < bytes.count, isLetter(bytes, at: next) {
                        let after = next + UTF8Decoding.scalar(in: bytes, at: next).width
                        if after >= bytes.count || bytes[after] == UInt8(ascii: ".") || !isWord(bytes, at: after) {
                            inAcronym = true
                            segmentLength = 0
                            index = next
                            continue
                        }
                    } else if inAcronym {
                        finish(next)
                        index = next
                        continue
                    }
                }
                if inWord { finish(index) }
                index = next
            case .separator:
                if inWord { finish(index) }
                index += width
            }
        }
        if inWord { finish(bytes.count) }
    }

    private mutating func isWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if case .word = classify(UTF8Decoding.scalar(in: bytes, at: index).value) { return true }
        return false
    }

    private mutating func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if case .word(let isLetter) = classify(UTF8Decoding.scalar(in: bytes, at: index).value) { return isLetter }
        return false
    }
}
