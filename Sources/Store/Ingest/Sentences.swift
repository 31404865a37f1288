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
        var paragraph = paragraph
        paragraph.makeContiguousUTF8()
        return paragraph.utf8.withContiguousStorageIfAvailable { split($0, of: paragraph) } ?? []
    }

    /// Walks the paragraph's UTF-8 (a scalar is decoded only after a sentence's stop; offsets count
    /// lead bytes, one per scalar) and copies each sentence's bytes out: this runs over every
    /// paragraph at load, and stepping the scalar view validated each index.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, of paragraph: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var startOffset = 0
        var index = 0
        var offset = 0
        func emit(_ end: Int, _ endOffset: Int) {
            var from = start
            var fromOffset = startOffset
            while from < end, bytes[from] == UInt8(ascii: " ") {
                from += 1
                fromOffset += 1
            }
            guard from < end else { return }
            sentences.append(Sentence(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self),
                                      start: fromOffset, end: endOffset))
        }
        func scalar(at position: Int) -> (Unicode.Scalar, Int) {
            let (value, width) = UTF8Decoding.scalar(in: bytes, at: position)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else {
                if byte & 0xC0 != 0x80 { offset += 1 }
                index += 1
                continue
            }
            var end = index + 1
            var endOffset = offset + 1
            while end < bytes.count {
                let (closer, width) = scalar(at: end)
                guard closers.contains(closer) else { break }
                end += width
                endOffset += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: " ") {
                let next = end + 1
                if next < bytes.count, startsSentence(scalar(at: next).0),
                   !(byte == UInt8(ascii: ".") && endsWithAbbreviation(paragraph.unicodeScalars, before: paragraph.utf8.index(paragraph.utf8.startIndex, offsetBy: index))) {
                    emit(end, endOffset)
                    start = end
                    startOffset = endOffset
                }
            }
            index = end
            offset = endOffset
        }
        emit(bytes.count, offset)
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
