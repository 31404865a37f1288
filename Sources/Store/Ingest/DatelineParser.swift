/// Reads the dateline that opens wire copy:
/// - `KYIV, Sept 5 (Reuters) - …`, `WASHINGTON, Aug. 19 (AP) — …`, `PARIS, Sept 4, 2025 (AFP) - …`
/// - `VLADIVOSTOK, September 5. /TASS/. …`, `MOSCOW. Aug 20 (Interfax) - …`
/// - `LONDON (AFP) - …`, `KYIV, Ukraine (AP) — …`
/// - `KYIV — …`, `PARIS -- …`
///
/// The place is a run of capitalised words written in capitals (`NEW YORK`, `KYIV`), optionally
/// followed by a region in ordinary case (`, Ukraine`). The text after the dateline is the story.
public struct Dateline: Sendable, Equatable {
    /// The place as written ("VLADIVOSTOK").
    public let place: String
    /// Month and day when the dateline gives them ("September 5"), as written.
    public let dateText: String?
    public let month: Int?
    public let day: Int?
    /// The year, when the dateline states one ("Sept 4, 2025").
    public let year: Int?
    /// The outlet named in brackets or slashes ("Reuters", "TASS").
    public let outlet: String?
    /// The whole dateline as written, up to and including its dash or final period.
    public let text: String
    /// Where the story starts after the dateline.
    public let bodyStart: String.Index

    /// The dateline at the start of `paragraph`, or nil.
    public static func parse(_ paragraph: String) -> Dateline? {
        var cursor = paragraph.startIndex
        let placeStart = cursor
        // 1. the place: words in capitals (letters, inner hyphens, apostrophes, dots: "PORT-AU-PRINCE",
        //    "ST. PETERSBURG"), separated by single spaces; a word with a lower-case letter, or a
        //    dash standing alone, ends it.
        var placeEnd = cursor
        var letters = 0
        while cursor < paragraph.endIndex {
            var wordEnd = cursor
            var wordLetters = 0
            while wordEnd < paragraph.endIndex {
                let character = paragraph[wordEnd]
                if character.isLetter {
                    guard character.isUppercase else { return nil }
                    wordLetters += 1
                } else if !(character == "-" || character == "'" || character == "’" || character == ".") {
                    break
                }
                wordEnd = paragraph.index(after: wordEnd)
            }
            guard wordLetters > 0 else { break }
            letters += wordLetters
            placeEnd = wordEnd
            cursor = wordEnd
            // Another capitalised word follows after one space?
            guard cursor < paragraph.endIndex, paragraph[cursor] == " " else { break }
            let next = paragraph.index(after: cursor)
            guard next < paragraph.endIndex, paragraph[next].isLetter, paragraph[next].isUppercase else { break }
            // A word of the sentence in capitals ("NATO leaders") has lower case after it: checked below.
            var probe = next
            while probe < paragraph.endIndex, paragraph[probe].isLetter || paragraph[probe] == "-" || paragraph[probe] == "." {
                if paragraph[probe].isLowercase { break }
                probe = paragraph.index(after: probe)
            }
            if probe < paragraph.endIndex, paragraph[probe].isLowercase { break }
            cursor = next
        }
        // Back off a trailing dot or hyphen that belongs to the separator.
        while placeEnd > placeStart, [".", "-"].contains(paragraph[paragraph.index(before: placeEnd)]) {
            placeEnd = paragraph.index(before: placeEnd)
        }
        let place = String(paragraph[placeStart..<placeEnd])
        guard letters >= 2, place.count <= 40, place.first?.isLetter == true else { return nil }
        // A lone capitalised word like "A" or "I" is not a place; a word of the sentence in capitals is
        // told apart by what follows (a comma, a bracket, a slash or a dash).
        cursor = placeEnd
        var dateText: String?
        var month: Int?
        var day: Int?
        var year: Int?
        var outlet: String?
        skipSpaces(paragraph, &cursor)
        // 2. ", Region" and/or ", Month D[.]" (Interfax writes ". Month D": "MOSCOW. Aug 20 (Interfax) -")
        while cursor < paragraph.endIndex, paragraph[cursor] == "," || paragraph[cursor] == "." && Self.monthFollows(paragraph, after: cursor) {
            var probe = paragraph.index(after: cursor)
            skipSpaces(paragraph, &probe)
            let wordStart = probe
            while probe < paragraph.endIndex, paragraph[probe].isLetter || paragraph[probe] == "." { probe = paragraph.index(after: probe) }
            let word = String(paragraph[wordStart..<probe])
            let key = word.lowercased().replacingPeriods()
            if let number = TemporalLexicon.months[key], word.first?.isUppercase == true {
                var digitsStart = probe
                skipSpaces(paragraph, &digitsStart)
                var digitsEnd = digitsStart
                while digitsEnd < paragraph.endIndex, paragraph[digitsEnd].isNumber { digitsEnd = paragraph.index(after: digitsEnd) }
                guard let value = Int(paragraph[digitsStart..<digitsEnd]), (1...31).contains(value) else { return nil }
                month = number
                day = value
                // A year after the day: "PARIS, Sept 4, 2025 (AFP) -".
                var yearStart = digitsEnd
                if yearStart < paragraph.endIndex, paragraph[yearStart] == "," {
                    yearStart = paragraph.index(after: yearStart)
                    skipSpaces(paragraph, &yearStart)
                    var yearEnd = yearStart
                    while yearEnd < paragraph.endIndex, paragraph[yearEnd].isASCII, paragraph[yearEnd].isNumber { yearEnd = paragraph.index(after: yearEnd) }
                    if paragraph.distance(from: yearStart, to: yearEnd) == 4, let value = Int(paragraph[yearStart..<yearEnd]),
                       (1990...2100).contains(value) {
                        year = value
                        digitsEnd = yearEnd
                    }
                }
                dateText = String(paragraph[wordStart..<digitsEnd])
                cursor = digitsEnd
                if cursor < paragraph.endIndex, paragraph[cursor] == "." { cursor = paragraph.index(after: cursor) }
            } else if word.first?.isUppercase == true, word.count >= 2, !word.hasSuffix(".") {
                cursor = probe
            } else {
                return nil
            }
            skipSpaces(paragraph, &cursor)
        }
        // 3. "(Reuters)" or "/TASS/."
        if cursor < paragraph.endIndex, paragraph[cursor] == "(" || paragraph[cursor] == "/" {
            let close: Character = paragraph[cursor] == "(" ? ")" : "/"
            let nameStart = paragraph.index(after: cursor)
            guard let end = paragraph[nameStart...].firstIndex(of: close), paragraph.distance(from: nameStart, to: end) <= 40 else {
                return nil
            }
            let name = paragraph[nameStart..<end].trimmingCharacters(" ")
            guard !name.isEmpty, name.first?.isUppercase == true else { return nil }
            outlet = name
            cursor = paragraph.index(after: end)
            skipSpaces(paragraph, &cursor)
        }
        // 4. the separator: a dash (-, --, –, —), or the period after a date or outlet ("September 5. /TASS/.").
        var separated = false
        while cursor < paragraph.endIndex, ["-", "–", "—"].contains(paragraph[cursor]) {
            cursor = paragraph.index(after: cursor)
            separated = true
        }
        if !separated, cursor < paragraph.endIndex, paragraph[cursor] == ".", outlet != nil || dateText != nil {
            cursor = paragraph.index(after: cursor)
            separated = true
        }
        guard separated else { return nil }
        let text = String(paragraph[placeStart..<cursor]).trimmingCharacters(" ")
        skipSpaces(paragraph, &cursor)
        guard cursor < paragraph.endIndex else { return nil }
        return Dateline(place: place, dateText: dateText, month: month, day: day, year: year, outlet: outlet, text: text, bodyStart: cursor)
    }

    /// A capitalised month name ("Aug", "September") after the character at `index` and spaces.
    static func monthFollows(_ text: String, after index: String.Index) -> Bool {
        var probe = text.index(after: index)
        skipSpaces(text, &probe)
        let start = probe
        while probe < text.endIndex, text[probe].isLetter { probe = text.index(after: probe) }
        let word = text[start..<probe]
        return word.first?.isUppercase == true && TemporalLexicon.months[word.lowercased()] != nil
    }

    static func skipSpaces(_ text: String, _ cursor: inout String.Index) {
        while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\u{A0}" { cursor = text.index(after: cursor) }
    }
}

extension String {
    func replacingPeriods() -> String { filter { $0 != "." } }
}

extension StringProtocol {
    func trimmingCharacters(_ character: Character) -> String {
        trimming(anyOf: String(character))
    }

    /// Drops any of `characters` from both ends.
    func trimming(anyOf characters: String) -> String {
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
