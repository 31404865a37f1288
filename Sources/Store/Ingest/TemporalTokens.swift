/// A sentence split into the words the temporal rules read: letters and digits (with an
/// inner apostrophe), lowercased, an abbreviation's period dropped ("Sept." → "sept"), and
/// the joints of ranges ("-", "–", ",") as tokens of their own. Each keeps its range.
struct TemporalTokens {
    struct Token: Sendable {
        /// Lowercased, without a trailing period or possessive ('s).
        let text: String
        /// As written.
        let original: String
        let range: Range<String.Index>
        /// Written with a capital first letter ("Monday", "Sept.").
        let capitalized: Bool
        /// Written with a period after it ("Sept.", "Tue.").
        let abbreviated: Bool
    }

    let tokens: [Token]

    init(_ sentence: String) {
        // Unicode scalars with an ASCII fast path: Character's isLetter is a grapheme-cluster
        // property lookup per character, and this tokenizer runs over every sentence of every
        // article at load (it was the largest single cost of extraction). A combining mark
        // stays inside the word it follows, so ranges still end on character boundaries.
        let scalars = sentence.unicodeScalars
        let end = scalars.endIndex
        var tokens: [Token] = []
        var index = scalars.startIndex
        while index < end {
            let first = scalars[index]
            if Self.isWordCharacter(first) {
                var stop = scalars.index(after: index)
                while stop < end {
                    let next = scalars[stop]
                    if Self.isWordCharacter(next) || Self.isMark(next) {
                        stop = scalars.index(after: stop)
                    } else if next == "'" || next == "\u{2019}" {
                        let after = scalars.index(after: stop)
                        guard after < end, Self.isLetter(scalars[after]) else { break }
                        stop = after
                    } else {
                        break
                    }
                }
                var original = String(scalars[index..<stop])
                var abbreviated = false
                var upper = stop
                // Only a known abbreviation takes its period ("Sept.", "Tue."); a sentence's full
                // stop after "22" or "Monday" stays outside the expression.
                var text = original.lowercased()
                if stop < end, scalars[stop] == ".", TemporalLexicon.abbreviations.contains(text) {
                    abbreviated = true
                    upper = scalars.index(after: stop)
                }
                for possessive in ["'s", "\u{2019}s"] where text.hasSuffix(possessive) { text = String(text.dropLast(2)) }
                if abbreviated { original += "." }
                tokens.append(Token(text: text, original: original, range: index..<upper,
                                    capitalized: Self.isUppercase(first), abbreviated: abbreviated))
                index = upper
            } else {
                let next = scalars.index(after: index)
                switch first {
                case "-", "\u{2013}", ",":
                    tokens.append(Token(text: String(first), original: String(first), range: index..<next, capitalized: false, abbreviated: false))
                case "\u{2014}":
                    tokens.append(Token(text: "-", original: String(first), range: index..<next, capitalized: false, abbreviated: false))
                default:
                    break
                }
                index = next
            }
        }
        self.tokens = tokens
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A letter or a number (Character.isLetter || isNumber, for one scalar).
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isLetter(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39) }
        return isLetter(scalar) || scalar.properties.numericType != nil
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200D  // zero-width joiner
        }
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }
}
