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
        let scalars = Array(paragraph.unicodeScalars)
        var sentences: [Sentence] = []
        var start = 0
        var index = 0
        func emit(_ end: Int) {
            var from = start
            while from < end, scalars[from] == " " { from += 1 }
            guard from < end else { return }
            sentences.append(Sentence(text: String(String.UnicodeScalarView(scalars[from..<end])), start: from, end: end))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." || scalar == "!" || scalar == "?" {
                var end = index + 1
                while end < scalars.count, "\"'\u{201D}\u{2019})".unicodeScalars.contains(scalars[end]) { end += 1 }
                let next = end + 1
                if end < scalars.count, scalars[end] == " ", next < scalars.count,
                   scalars[next].properties.isUppercase || scalars[next].properties.numericType != nil
                    || "\"'\u{201C}\u{2018}".unicodeScalars.contains(scalars[next]),
                   !(scalar == "." && endsWithAbbreviation(scalars, before: index)) {
                    emit(end)
                    start = end
                }
                index = end
                continue
            }
            index += 1
        }
        emit(scalars.count)
        return sentences
    }

    /// The word before `index` is an abbreviation or a single letter ("Gen.", "U.S.").
    static func endsWithAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, scalars[start - 1].properties.isAlphabetic || scalars[start - 1] == "." { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
        if word.count == 1 { return true }
        if word.contains(".") { return true }
        return FirstSentence.abbreviations.contains(word)
    }
}
