/// The publication date a site prints above the story: a short line near the top that holds a
/// full date, alone or with a time, a byline, a section or "Published on" ("August 20, 2025,
/// 7:41 pm", "Published on August 21, 2025, at 6:12 pm (Paris)", "News · 2:14 pm, August 22,
/// 2025", "by A and B - 08/16/25 9:02 AM ET", "24.07.2025 - Update : 24.07.2025",
/// "2025-08-25 21:10:45"). Written dates are read by ``TemporalResolver`` (a year is required);
/// numeric ones here: `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD`, `DD.MM.YYYY`, and `M/D/YY(YY)`,
/// `D/M/YY(YY)`, `D-M-YYYY` or `M-D-YYYY` only where a part above 12 says which is the day
/// (05/06/2025 is left alone).
extension ArticleMetadataInferrer {
    struct DateLine {
        let date: CalendarDate
        /// The line as written.
        let line: String
        /// A weekday the line names that the date does not fall on ("Tuesday, August 21, 2025").
        let contradiction: String?
        /// The line gives only when the story was updated.
        var isUpdate = false
    }

    /// The header's first publication date: in the first twelve paragraphs, up to a wire
    /// dateline ("KYIV, Aug 19 (Reuters) -", where the story begins), the first short one (a
    /// standfirst or a cookie notice may come first) that does not end like a sentence and holds
    /// a full date not marked as an update; else the first update date, marked as one. A line
    /// that opens with its date may run to 30 words: a site's header lines joined into one
    /// paragraph ("Aug. 24, 2025, 10:12 AM EDT / Updated … By A and B").
    static func dateLine(in paragraphs: [Paragraph]) -> DateLine? {
        var updated: DateLine?
        for paragraph in paragraphs.prefix(12) where paragraph.kind != .caption {
            if let opening = openingDate(of: paragraph.text) { return opening }
            if Dateline.parse(paragraph.text) != nil { break }
            guard paragraph.text.utf8.count <= 400 else { continue }
            let words = paragraph.text.split(whereSeparator: { $0 == " " })
            guard words.count <= 30, !endsLikeASentence(paragraph.text) else { continue }
            let short = words.count <= 16
            if let found = firstDate(in: paragraph.text), short || found.offset == 0 {
                return DateLine(date: found.date, line: paragraph.text, contradiction: contradiction(found, in: paragraph.text))
            }
            if updated == nil, short, let found = firstDate(in: paragraph.text, updates: true) {
                updated = DateLine(date: found.date, line: paragraph.text, contradiction: contradiction(found, in: paragraph.text),
                                   isUpdate: true)
            }
        }
        // A site that prints only when the story was updated ("Updated Aug 7, 2025 - World"):
        // that day, with a note that publication may have been earlier.
        return updated
    }

    /// A story that opens with its place and full date in ordinary case, before a dash
    /// ("Vilnius, 16.08.2025 – …", "Kyiv, 16 August 2025 — …", as European sites write it; the
    /// wire's capitals are ``Dateline``'s): the place is one to four capitalised words, and
    /// nothing but the date stands between its comma and the dash.
    static func openingDate(of paragraph: String) -> DateLine? {
        let head = paragraph.utf8.prefix(64)
        guard let comma = head.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        let place = paragraph[paragraph.startIndex..<comma].split(separator: " ")
        guard (1...4).contains(place.count),
              place.allSatisfy({ word in word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." } })
        else { return nil }
        let rest = paragraph[paragraph.index(after: comma)...]
        let window = rest.prefix(40)
        guard let dash = window.indices.first(where: { index in
            ["–", "—", "-"].contains(window[index]) && index > window.startIndex && window[window.index(before: index)] == " "
        }) else { return nil }
        let dateText = rest[..<dash].trimmingCharacters(" ")
        guard let found = firstDate(in: dateText), found.offset == 0,
              dateText.allSatisfy({ $0.isNumber || $0.isLetter || $0 == " " || $0 == "." || $0 == "/" || $0 == "," }) else { return nil }
        let line = String(paragraph[..<dash]).trimmingCharacters(" ")
        return DateLine(date: found.date, line: line, contradiction: contradiction(found, in: dateText))
    }

    /// A sentence ends in a period after a word; a header line rarely does ("9:02 AM ET", "Paris)").
    static func endsLikeASentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, last == "." else { return false }
        // "a.m." and "p.m." end a time, not a sentence.
        let lowered = text.lowercased()
        return !(lowered.hasSuffix("a.m.") || lowered.hasSuffix("p.m."))
    }

    /// The first full date in `line` not preceded by an update marker, with its position.
    static func firstDate(in line: String, updates: Bool = false) -> (date: CalendarDate, offset: Int)? {
        var found: [(date: CalendarDate, offset: Int)] = []
        // A written date needs its four-digit year (a numeric one may have two): most lines have
        // none, and are not read word by word.
        if containsYear(line.utf8) {
            for match in TemporalResolver(reference: nil).matches(in: line) {
                guard let point = match.date, point.precision == .day else { continue }
                found.append((point.date, line.utf8.distance(from: line.startIndex, to: match.range.lowerBound)))
            }
            found += writtenDates(in: line)
        }
        found += numericDates(in: line)
        let bytes = Array(line.utf8)
        return found.sorted { $0.offset < $1.offset }.first { isMarkedAsUpdate(bytes, before: $0.offset) == updates }
    }

    /// "Update: 24.07.2025", "Updated 19 August 2025", "Last modified on …": not when it was published.
    static func isMarkedAsUpdate(_ bytes: [UInt8], before offset: Int) -> Bool {
        let before = String(decoding: bytes[max(0, offset - 24)..<offset], as: UTF8.self).lowercased()
        let words = before.split { !$0.isLetter }.suffix(3)
        return words.contains { $0.hasPrefix("updat") || $0 == "modified" || $0 == "edited" || $0 == "revised" }
    }

    /// The abbreviations of the United States' time zones, as a site prints them after a time.
    static let americanTimeZones: Set<String> = ["ET", "EDT", "EST", "CT", "CDT", "CST", "MT", "MDT", "MST", "PT", "PDT", "PST"]

    /// Day-first written dates the resolver does not read, with their byte offsets: a comma
    /// before the year ("Sun, 02 Mar, 2025 - 21:14") or the month in the language of the site's
    /// own edition ("20 maggio 2025", "3 de marzo de 2025", "12. März 2025"), as headers print
    /// them above English copy.
    static func writtenDates(in line: String) -> [(date: CalendarDate, offset: Int)] {
        var words: [(text: Substring, offset: Int)] = []
        var index = line.startIndex
        while index < line.endIndex {
            guard line[index].isLetter || line[index].isNumber else {
                index = line.index(after: index)
                continue
            }
            let start = index
            while index < line.endIndex, line[index].isLetter || line[index].isNumber { index = line.index(after: index) }
            words.append((line[start..<index], line.utf8.distance(from: line.startIndex, to: start)))
        }
        var found: [(date: CalendarDate, offset: Int)] = []
        for position in words.indices {
            guard let day = Int(words[position].text), (1...31).contains(day), words[position].text.count <= 2 else { continue }
            var next = position + 1
            if next < words.count, words[next].text == "de" { next += 1 }
            guard next < words.count, let month = headerMonths[words[next].text.lowercased()] else { continue }
            next += 1
            if next < words.count, words[next].text == "de" || words[next].text == "del" { next += 1 }
            guard next < words.count, words[next].text.count == 4, let year = Int(words[next].text), (1990...2100).contains(year),
                  let date = CalendarDate(year: year, month: month, day: day) else { continue }
            found.append((date, words[position].offset))
        }
        return found
    }

    /// Four ASCII digits in a row starting 19, 20 or 21: a year may be there.
    static func containsYear<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var run = 0
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in bytes {
            guard isDigit(byte) else {
                run = 0
                continue
            }
            run += 1
            if run == 1 { first = byte } else if run == 2 { second = byte }
            if run == 4, first == UInt8(ascii: "1") && second == UInt8(ascii: "9") || first == UInt8(ascii: "2") && second <= UInt8(ascii: "1") {
                return true
            }
        }
        return false
    }

    /// English month names and abbreviations, and those of the editions an English page most
    /// often sits under (Italian, French, Spanish, Portuguese, German, Dutch).
    static let headerMonths: [String: Int] = {
        var months = TemporalLexicon.months
        let editions: [[String]] = [
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        ]
        for names in editions {
            for (number, name) in names.enumerated() { months[name] = number + 1 }
        }
        return months
    }()

    /// Numeric dates in `line`, with their byte offsets.
    static func numericDates(in line: String) -> [(date: CalendarDate, offset: Int)] {
        let bytes = Array(line.utf8)
        // Read only for a date whose order the numbers leave open.
        var zoned: Bool?
        func monthFirst() -> Bool {
            if let zoned { return zoned }
            let found = line.split(whereSeparator: { !$0.isLetter }).contains { americanTimeZones.contains(String($0)) }
            zoned = found
            return found
        }
        var found: [(date: CalendarDate, offset: Int)] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) && bytes[index - 1] != UInt8(ascii: ".") else {
                index += 1
                continue
            }
            // Three runs of digits joined by one separator, used twice.
            var parts: [Int] = []
            var lengths: [Int] = []
            var separator: UInt8?
            var cursor = index
            while parts.count < 3 {
                let start = cursor
                while cursor < bytes.count, isDigit(bytes[cursor]), cursor - start < 4 { cursor += 1 }
                guard cursor > start, let value = Int(String(decoding: bytes[start..<cursor], as: UTF8.self)) else { break }
                parts.append(value)
                lengths.append(cursor - start)
                guard parts.count < 3 else { break }
                guard cursor < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-")].contains(bytes[cursor]),
                      separator == nil || separator == bytes[cursor] else { break }
                separator = bytes[cursor]
                cursor += 1
            }
            // Not part of a longer number or a fourth field ("1.2.3.4", "2025-08-25-01").
            let standsAlone = cursor >= bytes.count || !(isDigit(bytes[cursor]) || (bytes[cursor] == separator && cursor + 1 < bytes.count && isDigit(bytes[cursor + 1])))
            if parts.count == 3, let separator, standsAlone, let date = numericDate(parts, lengths, separator, monthFirst: monthFirst) {
                found.append((date, index))
            }
            index = max(cursor, index + 1)
        }
        return found
    }

    static func numericDate(_ parts: [Int], _ lengths: [Int], _ separator: UInt8, monthFirst: () -> Bool = { false }) -> CalendarDate? {
        switch (separator, lengths[0], lengths[2]) {
        case (UInt8(ascii: "-"), 4, 2) where lengths[1] == 2:
            return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
        case (UInt8(ascii: "."), 1...2, 4):
            return CalendarDate(year: parts[2], month: parts[1], day: parts[0])
        // Year first, as Lithuanian, Hungarian, Korean, Japanese and Chinese sites print it
        // ("2025.08.16 14:37", "2025/08/16").
        case (UInt8(ascii: "."), 4, 1...2), (UInt8(ascii: "/"), 4, 1...2):
            guard lengths[1] <= 2, (1990...2100).contains(parts[0]) else { return nil }
            return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
        case (UInt8(ascii: "/"), 1...2, 2), (UInt8(ascii: "/"), 1...2, 4), (UInt8(ascii: "-"), 1...2, 4):
            let year = lengths[2] == 2 ? 2000 + parts[2] : parts[2]
            guard (1990...2100).contains(year) else { return nil }
            // Which is the day only where a part is above 12; otherwise the order is unknown.
            if parts[1] > 12, parts[0] <= 12 { return CalendarDate(year: year, month: parts[0], day: parts[1]) }
            if parts[0] > 12, parts[1] <= 12 { return CalendarDate(year: year, month: parts[1], day: parts[0]) }
            // An American time zone on the line says the month comes first ("03/11/2025 | 3:41 pm EDT").
            return monthFirst() ? CalendarDate(year: year, month: parts[0], day: parts[1]) : nil
        default:
            return nil
        }
    }

    /// "Tuesday, August 21, 2025" when 21 August 2025 was a Thursday: the weekday named, and the
    /// date's own. A three-letter weekday counts with a period or comma after it, or right before
    /// the date ("Posted Thu 15 Aug 2025").
    static func contradiction(_ found: (date: CalendarDate, offset: Int), in line: String) -> String? {
        let date = found.date
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let dateStart = line.utf8.index(line.startIndex, offsetBy: found.offset)
        for word in line.split(whereSeparator: { !$0.isLetter }) {
            let beforeDate = line[word.endIndex..<max(word.endIndex, dateStart)].allSatisfy { $0 == " " || $0 == "," || $0 == "." }
                && word.endIndex <= dateStart
            guard let named = TemporalLexicon.weekdays[word.lowercased()], word.first?.isUppercase == true,
                  word.count > 3 || line.contains(word + ".") || line.contains(word + ",") || beforeDate else { continue }
            if named != date.weekday {
                return "the line names \(word), but \(date.iso) was a \(names[date.weekday - 1])"
            }
            return nil
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
