/// A sentence split into the words the temporal rules read: letters and digits (with an
/// inner apostrophe), lowercased, an abbreviation's period dropped ("Sept." → "sept"), and
/// the joints of ranges ("-", "–", ",") as tokens of their own. Each keeps its range.
struct TemporalTokens {
    struct Token: Sendable {
        /// Lowercased, without a trailing period or possessive ('s).
        let text: String
        /// As written (with an abbreviation's period), sharing the sentence's storage.
        let original: Substring
        let range: Range<String.Index>
        /// Written with a capital first letter ("Monday", "Sept.").
        let capitalized: Bool
        /// Written with a period after it ("Sept.", "Tue.").
        let abbreviated: Bool
    }

    let tokens: [Token]

    /// "'s" and "’s" as UTF-8.
    private static let possessives: [[UInt8]] = [Array("'s".utf8), Array("\u{2019}s".utf8)]

    init(_ sentence: String) {
        // Unicode scalars with an ASCII fast path: Character's isLetter is a grapheme-cluster
        // property lookup per character, and this tokenizer runs over every sentence of every
        // article at load (it was the largest single cost of extraction). A combining mark
        // stays inside the word it follows, so ranges still end on character boundaries.
        let scalars = sentence.unicodeScalars
        let end = scalars.endIndex
        var tokens: [Token] = []
        tokens.reserveCapacity(sentence.utf8.count / 5 + 4)
        var index = scalars.startIndex
        while index < end {
            let first = scalars[index]
            if WordScalar.isWordCharacter(first) {
                var stop = scalars.index(after: index)
                while stop < end {
                    let next = scalars[stop]
                    if WordScalar.isWordCharacter(next) || WordScalar.isMark(next) {
                        stop = scalars.index(after: stop)
                    } else if next == "'" || next == "\u{2019}" {
                        let after = scalars.index(after: stop)
                        guard after < end, WordScalar.isLetter(scalars[after]) else { break }
                        stop = after
                    } else {
                        break
                    }
                }
                var abbreviated = false
                var upper = stop
                // Only a known abbreviation takes its period ("Sept.", "Tue."); a sentence's full
                // stop after "22" or "Monday" stays outside the expression.
                var text = Self.lowercased(Substring(scalars[index..<stop]))
                if stop < end, scalars[stop] == ".", TemporalLexicon.abbreviations.contains(text) {
                    abbreviated = true
                    upper = scalars.index(after: stop)
                }
                // A possessive ("Putin's", "Putin’s"), compared as bytes: `hasSuffix` compares characters.
                for possessive in Self.possessives where text.utf8.count > possessive.count && text.utf8.reversed().starts(with: possessive.reversed()) {
                    text = String(decoding: text.utf8.dropLast(possessive.count), as: UTF8.self)
                }
                tokens.append(Token(text: text, original: Substring(scalars[index..<upper]), range: index..<upper,
                                    capitalized: WordScalar.isUppercase(first), abbreviated: abbreviated))
                index = upper
            } else {
                let next = scalars.index(after: index)
                switch first {
                case "-", "\u{2013}", ",":
                    tokens.append(Token(text: String(first), original: Substring(scalars[index..<next]), range: index..<next, capitalized: false, abbreviated: false))
                case "\u{2014}":
                    tokens.append(Token(text: "-", original: Substring(scalars[index..<next]), range: index..<next, capitalized: false, abbreviated: false))
                default:
                    break
                }
                index = next
            }
        }
        self.tokens = tokens
    }

    /// The word lowercased: ASCII byte by byte from its UTF-8 into a stack buffer (no
    /// intermediate string, no scalar iteration), anything else by `lowercased()`.
    private static func lowercased(_ word: Substring) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for (position, byte) in bytes.enumerated() {
                    buffer[position] = WordScalar.lowercased(byte)
                }
                return String(decoding: buffer, as: UTF8.self)
            }
        }
    }
}
