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
        var tokens: [Token] = []
        var index = sentence.startIndex
        while index < sentence.endIndex {
            let character = sentence[index]
            if character.isLetter || character.isNumber {
                var end = index
                while end < sentence.endIndex {
                    let next = sentence[end]
                    if next.isLetter || next.isNumber {
                        end = sentence.index(after: end)
                    } else if next == "'" || next == "’", sentence.index(after: end) < sentence.endIndex,
                              sentence[sentence.index(after: end)].isLetter {
                        end = sentence.index(after: end)
                    } else {
                        break
                    }
                }
                var original = String(sentence[index..<end])
                var abbreviated = false
                var upper = end
                // Only a known abbreviation takes its period ("Sept.", "Tue."); a sentence's full
                // stop after "22" or "Monday" stays outside the expression.
                let lowered = original.lowercased()
                if end < sentence.endIndex, sentence[end] == ".", TemporalLexicon.abbreviations.contains(lowered) {
                    abbreviated = true
                    upper = sentence.index(after: end)
                }
                var text = original.lowercased()
                for possessive in ["'s", "’s"] where text.hasSuffix(possessive) { text = String(text.dropLast(2)) }
                if abbreviated { original += "." }
                tokens.append(Token(text: text, original: original, range: index..<upper,
                                    capitalized: character.isUppercase, abbreviated: abbreviated))
                index = upper
            } else {
                if ["-", "–", "—", ","].contains(character) {
                    let next = sentence.index(after: index)
                    tokens.append(Token(text: character == "—" ? "-" : String(character), original: String(character),
                                        range: index..<next, capitalized: false, abbreviated: false))
                }
                index = sentence.index(after: index)
            }
        }
        self.tokens = tokens
    }
}
