/// A sentence split into the words the temporal rules read: letters and digits (with an
/// inner apostrophe), lowercased, an abbreviation's period dropped ("Sept." → "sept"), and
/// the joints of ranges ("-", "–", ",") as tokens of their own. Each keeps its range.
struct TemporalTokens {
    struct Token: Sendable {
        /// Lowercased, without a trailing period or possessive ('s).
        let text: String
        /// Where it is written in the sentence, with an abbreviation's period: the text as
        /// written is `sentence[range]` (a `Substring` kept per token was a retain and an index
        /// check each, for the few tokens whose spelling a rule reads).
        let range: Range<String.Index>
        /// Starts with a letter, not a digit (a name can; "22" cannot), as `Character.isLetter`
        /// reads its first scalar (alphabetic).
        let startsWithLetter: Bool
        /// Written with a capital first letter ("Monday", "Sept.").
        let capitalized: Bool
        /// Written with a period after it ("Sept.", "Tue.").
        let abbreviated: Bool
    }

    let tokens: [Token]

    /// "'s" and "’s" as UTF-8.
    private static let possessives: [[UInt8]] = [Array("'s".utf8), Array("\u{2019}s".utf8)]

    init(_ sentence: String) {
        var sentence = sentence
        sentence.makeContiguousUTF8()
        tokens = sentence.utf8.withContiguousStorageIfAvailable { Self.tokens(in: $0, of: sentence) } ?? []
    }

    /// The tokens of `sentence`, read from its UTF-8 `bytes`: a scalar is decoded only where a
    /// byte is not ASCII, and a token's indices are byte offsets (O(1) in native UTF-8), not the
    /// scalar view's validated indices. A combining mark stays inside the word it follows, so
    /// ranges still end on character boundaries.
    private static func tokens(in bytes: UnsafeBufferPointer<UInt8>, of sentence: String) -> [Token] {
        let utf8 = sentence.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let end = bytes.count
        var tokens: [Token] = []
        tokens.reserveCapacity(end / 5 + 4)
        var position = 0
        while position < end {
            let (first, firstLength) = scalar(in: bytes, at: position)
            if WordScalar.isWordCharacter(first) {
                var stop = position + firstLength
                while stop < end {
                    let (next, length) = scalar(in: bytes, at: stop)
                    if WordScalar.isWordCharacter(next) || WordScalar.isMark(next) {
                        stop += length
                    } else if next == "'" || next == "\u{2019}" {
                        let after = stop + length
                        guard after < end, WordScalar.isLetter(scalar(in: bytes, at: after).0) else { break }
                        stop = after
                    } else {
                        break
                    }
                }
                var abbreviated = false
                var upper = stop
                // Only a known abbreviation takes its period ("Sept.", "Tue."); a sentence's full
                // stop after "22" or "Monday" stays outside the expression.
                var text = lowercased(UnsafeBufferPointer(rebasing: bytes[position..<stop]))
                if stop < end, bytes[stop] == UInt8(ascii: "."), TemporalLexicon.abbreviations.contains(text) {
                    abbreviated = true
                    upper = stop + 1
                }
                // A possessive ("Putin's", "Putin’s"), compared as bytes: `hasSuffix` compares characters.
                // Both end in "s", which most words do not: the suffixes are compared only then.
                if bytes[stop - 1] | 0x20 == UInt8(ascii: "s") {
                    for possessive in Self.possessives where text.utf8.count > possessive.count && WordScalar.hasSuffix(text, utf8: possessive) {
                        text = String(decoding: text.utf8.dropLast(possessive.count), as: UTF8.self)
                    }
                }
                let range = index(position)..<index(upper)
                tokens.append(Token(text: text, range: range, startsWithLetter: first.isASCII ? WordScalar.isLetter(first) : first.properties.isAlphabetic,
                                    capitalized: WordScalar.isUppercase(first), abbreviated: abbreviated))
                position = upper
            } else {
                let next = position + firstLength
                let joint: String?
                switch first {
                case "-", "\u{2013}", ",": joint = String(first)
                case "\u{2014}": joint = "-"
                default: joint = nil
                }
                if let joint {
                    let range = index(position)..<index(next)
                    tokens.append(Token(text: joint, range: range, startsWithLetter: false, capitalized: false, abbreviated: false))
                }
                position = next
            }
        }
        return tokens
    }

    /// The scalar whose UTF-8 starts at `offset` (a String's UTF-8 is valid), and its length in bytes.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let (value, width) = UTF8Decoding.scalar(in: bytes, at: offset)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// The word lowercased: ASCII byte by byte from its UTF-8 straight into the string's storage
    /// (one pass, no intermediate buffer or string), anything else by `lowercased()`.
    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        let lowered = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for position in bytes.indices {
                let byte = bytes[position]
                guard byte < 0x80 else {
                    ascii = false
                    return 0
                }
                buffer[position] = WordScalar.lowercased(byte)
            }
            return bytes.count
        }
        return ascii ? lowered : String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
