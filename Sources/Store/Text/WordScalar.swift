/// What a word is made of, one Unicode scalar at a time, with an ASCII fast path: the
/// extraction rules' tokenisers run over every sentence at load, and `Character`'s properties
/// cost a grapheme-cluster lookup each. The one answer for ``TemporalTokens`` and
/// ``EventExtractor/sentenceKey(_:)``.
enum WordScalar {
    /// A letter (general category L*).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A number (`Character.isNumber`, for one scalar): in ASCII, a digit.
    @inline(__always)
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType != nil
    }

    /// A letter or a number (`Character.isLetter || isNumber`, for one scalar).
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isNumber(scalar)
    }

    /// A combining mark or a zero-width joiner: part of the word it follows.
    @inline(__always)
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200D
        }
    }

    /// Unicode's Alphabetic property (letters, letter numbers, some marks), ASCII without a lookup.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isLetter(scalar) : scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    /// An ASCII byte lowercased (other bytes as they are).
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `word`'s UTF-8 ends with `suffix`, compared as bytes (`hasSuffix` compares
    /// characters, a grapheme break check per character).
    static func hasSuffix(_ word: String, utf8 suffix: [UInt8]) -> Bool {
        word.utf8.count >= suffix.count && word.utf8.reversed().starts(with: suffix.reversed())
    }

    /// Appends `scalar` lowercased, as UTF-8.
    static func appendLowercased(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(lowercased(UInt8(truncatingIfNeeded: scalar.value)))
        } else {
            bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }
}
