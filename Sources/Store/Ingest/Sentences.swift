/// Splits a paragraph into sentences with their offsets (Unicode code points, as evidence
/// offsets are). A sentence ends at ".", "!" or "?" (with closing quotes) before a space and a
/// capital, digit or quote, except after an abbreviation (``FirstSentence/abbreviations``) or a
/// single capital ("U.S.").
enum Sentences {
    struct Sentence: Sendable, Hashable {
        let text: String
        let start: Int
        let end: Int
    }

    static func split(_ paragraph: String) -> [Sentence] {
        // Walks the scalars by index (no copy of the paragraph into an array) and slices each
        // sentence out of the paragraph's storage: this runs over every paragraph at load.
        let scalars = paragraph.unicodeScalars
        var sentences: [Sentence] = []
        var start = scalars.startIndex
        var startOffset = 0
        var index = scalars.startIndex
        var offset = 0
        func emit(_ end: String.Index, _ endOffset: Int) {
            var from = start
            var fromOffset = startOffset
            while from < end, scalars[from] == " " {
                from = scalars.index(after: from)
                fromOffset += 1
            }
            guard from < end else { return }
            sentences.append(Sentence(text: String(scalars[from..<end]), start: fromOffset, end: endOffset))
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "." || scalar == "!" || scalar == "?" else {
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            var end = scalars.index(after: index)
            var endOffset = offset + 1
            while end < scalars.endIndex, closers.contains(scalars[end]) {
                end = scalars.index(after: end)
                endOffset += 1
            }
            if end < scalars.endIndex, scalars[end] == " " {
                let next = scalars.index(after: end)
                if next < scalars.endIndex, startsSentence(scalars[next]),
                   !(scalar == "." && endsWithAbbreviation(scalars, before: index)) {
                    emit(end, endOffset)
                    start = end
                    startOffset = endOffset
                }
            }
            index = end
            offset = endOffset
        }
        emit(scalars.endIndex, offset)
        return sentences
    }

    /// What may close a sentence after its full stop (quotes, a parenthesis), and open the next.
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")"]
    private static let openers: Set<Unicode.Scalar> = ["\"", "'", "\u{201C}", "\u{2018}"]

    /// A capital, a digit or an opening quote: what a new sentence starts with.
    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        WordScalar.isUppercase(scalar) || WordScalar.isNumber(scalar) || openers.contains(scalar)
    }

    /// The word before `index` is an abbreviation or a single letter ("Gen.", "U.S.").
    static func endsWithAbbreviation(_ scalars: String.UnicodeScalarView, before index: String.Index) -> Bool {
        var start = index
        while start > scalars.startIndex {
            let previous = scalars.index(before: start)
            guard WordScalar.isAlphabetic(scalars[previous]) || scalars[previous] == "." else { break }
            start = previous
        }
        let word = String(scalars[start..<index]).lowercased()
        if word.count == 1 { return true }
        if word.contains(".") { return true }
        return FirstSentence.abbreviations.contains(word)
    }
}
