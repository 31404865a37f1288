/// Splits matching-form text into word tokens and single punctuation tokens.
///
/// A word is a maximal run of letters, digits and combining marks; any other
/// non-space scalar is a token on its own; spaces separate. So `U.S.` is
/// `U . S .`, `Russia's` is `Russia ' s` and `Putin-Zelenskyy` is
/// `Putin - Zelenskyy`: token boundaries are exactly the word boundaries the
/// matching rules need, and a possessive needs no special case.
enum MentionTokenizer {
    struct Token: Sendable {
        /// Offsets in the shadow text.
        let start: Int
        let end: Int
        let text: String
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        spans(scalars).map { Token(start: $0.lowerBound, end: $0.upperBound, text: ShadowText.makeString(scalars[$0])) }
    }

    /// The tokens' offsets alone: mention detection reads most tokens without making their text.
    static func spans(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " {
                index += 1
                continue
            }
            let start = index
            if isWordScalar(scalar) {
                while index < scalars.count, isWordScalar(scalars[index]) { index += 1 }
            } else {
                index += 1
            }
            spans.append(start..<index)
        }
        return spans
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
