/// Derives a title for an article that has no curated metadata.
///
/// Uses the first paragraph when it is a heading, otherwise the first
/// sentence of the first paragraph. A sentence ends at `.`, `!` or `?`
/// (plus any closing quotes) followed by a space and a capital, digit or
/// quote, except after a single capital (`U.S.`) or a common abbreviation.
/// Titles longer than `limit` characters are cut at a word boundary and end
/// with `…`.
enum FirstSentence {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "jr", "sr",
        "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
        "oct", "nov", "dec", "e.g", "i.e", "etc", "approx", "maj", "capt", "sgt", "adm", "amb",
    ]

    static func title(of paragraphs: [Paragraph], limit: Int = 120) -> String {
        guard let first = paragraphs.first else { return "" }
        let sentence = first.kind == .heading ? first.text : firstSentence(of: first.text)
        return truncate(sentence, limit: limit)
    }

    /// The first sentence, looked for in the first `scanned` characters only: a title keeps at
    /// most `limit` of them, so a longer sentence and the whole text truncate alike.
    static func firstSentence(of text: String, scanned: Int = 600) -> String {
        let characters = Array(text.prefix(scanned))
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                var end = index + 1
                while end < characters.count, "\"'\u{201D}\u{2019})".contains(characters[end]) { end += 1 }
                if end >= characters.count { return text }
                if characters[end] == " ", end + 1 < characters.count, startsSentence(characters[end + 1]),
                   character != "." || !isAbbreviation(characters, periodAt: index) {
                    return String(characters[..<end])
                }
            }
            index += 1
        }
        return text
    }

    static func startsSentence(_ character: Character) -> Bool {
        character.isUppercase || character.isNumber || "\"'\u{201C}\u{2018}".contains(character)
    }

    static func isAbbreviation(_ characters: [Character], periodAt index: Int) -> Bool {
        var start = index
        while start > 0, characters[start - 1].isLetter || characters[start - 1] == "." { start -= 1 }
        let word = String(characters[start..<index])
        if word.count == 1, let letter = word.first, letter.isUppercase { return true }
        if word.contains(".") { return true }
        return abbreviations.contains(word.lowercased())
    }

    static func truncate(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let boundary = cut.lastIndex(of: " ") ?? cut.endIndex
        var head = String(cut[..<boundary])
        while let last = head.last, ",;:-\u{2014}\u{2013} ".contains(last) { head.removeLast() }
        return head + "\u{2026}"
    }
}
