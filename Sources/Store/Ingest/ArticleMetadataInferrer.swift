/// What a dropped-in article's own text says about its title, outlet and publication date,
/// when neither `articles.json` nor a sidecar does. Every value carries the reason it was
/// inferred; what the text does not support stays nil, with a note saying so.
public struct InferredMetadata: Sendable, Hashable {
    public var title: String
    public var titleReason: String
    public var outlet: String?
    public var outletReason: String?
    public var published: DatePoint?
    /// Why there is no publication date, or what bounds it.
    public var publishedNote: String?
    /// The dateline's place as written ("VLADIVOSTOK").
    public var datelinePlace: String?
}

enum ArticleMetadataInferrer {
    /// Outlets the text names in "(X) -" datelines or "Source: X" credits are taken as written;
    /// "X reports" / "X reported" at the start of a paragraph also names one.
    static func infer(paragraphs: [Paragraph], stripped: [StrippedBlock]) -> InferredMetadata {
        guard let first = paragraphs.first else {
            return InferredMetadata(title: "", titleReason: "no text")
        }
        var result = InferredMetadata(title: "", titleReason: "")
        // Site text (a masthead, a menu, a headline, a byline, a date line) may come before the
        // dateline: look through the header, the first twelve paragraphs up to the first long
        // one (the story begun without a dateline), and take the first that opens with one.
        var dateline: Dateline?
        var datelineParagraph = first
        for paragraph in paragraphs.prefix(12) where paragraph.kind == .body {
            if let found = Dateline.parse(paragraph.text) {
                dateline = found
                datelineParagraph = paragraph
                break
            }
            if paragraph.text.utf8.count > 400 { break }
        }
        result.datelinePlace = dateline?.place
        // The title: a headline above the story, else the first sentence after the dateline, else
        // the first sentence of the text.
        if let headline = headline(in: paragraphs, storyStart: dateline == nil ? nil : datelineParagraph.index,
                                   tagline: tagline(paragraphs, stripped: stripped)) {
            // A headline is kept whole (it is at most 220 scalars); a sentence is cut at 120.
            result.title = headline
            result.titleReason = "the headline at the top of the text"
        } else if let dateline {
            let body = String(datelineParagraph.text[dateline.bodyStart...])
            result.title = FirstSentence.truncate(FirstSentence.firstSentence(of: body), limit: 120)
            result.titleReason = "the first sentence after the dateline '\(dateline.text)'"
        } else {
            result.title = FirstSentence.title(of: paragraphs)
            result.titleReason = "the first sentence of the text"
        }
        if let (name, reason) = outlet(dateline: dateline, paragraphs: paragraphs, stripped: stripped) {
            result.outlet = name
            result.outletReason = reason
        }
        result.published = publicationDate(dateline: dateline, paragraphs: paragraphs, note: &result.publishedNote)
        return result
    }

    /// The headline: in the header (the first twelve paragraphs, up to the dateline or the first
    /// paragraph of more than 30 words), the first line of 5 to 30 words (five with a letter; a
    /// vertical menu of single words is passed over) that opens with a
    /// capital, a digit or a quote and does not end like a sentence, and is neither a byline
    /// ("By …") nor a date line. A masthead ("Meduza"), a section name or a date line before it
    /// is passed over; a standfirst after it ends with a period.
    static func headline(in paragraphs: [Paragraph], storyStart: Int?, tagline: Int? = nil) -> String? {
        for paragraph in paragraphs.prefix(12) where paragraph.kind != .caption && paragraph.index != tagline {
            if let storyStart, paragraph.index >= storyStart { return nil }
            // Longer than a headline can be: the story (read no further than its first bytes).
            guard paragraph.text.utf8.count <= 1_000 else { return nil }
            let words = paragraph.text.split(whereSeparator: { $0 == " " })
            guard words.count <= 30 else { return nil }
            // Words with a letter: "Russia & CIS General Newswire" is a service's name of four.
            guard words.filter({ $0.contains(where: \.isLetter) }).count >= 5, paragraph.text.unicodeScalars.count <= 220, let first = paragraph.text.first,
                  FirstSentence.startsSentence(first), !endsLikeASentence(paragraph.text),
                  words[0] != "By", words[0] != "by", firstDate(in: paragraph.text) == nil else { continue }
            // A headline wrapped onto the next line ("… the meeting with" / "President Trump\""):
            // no headline ends with a word like "with" or "the".
            if let last = words.last, headlineContinues.contains(last.lowercased()),
               let next = paragraphs.first(where: { $0.index == paragraph.index + 1 }), next.kind != .caption,
               next.text.split(separator: " ").count <= 12, firstDate(in: next.text) == nil {
                return paragraph.text + " " + next.text
            }
            return paragraph.text
        }
        return nil
    }

    /// Words a headline does not end with: the line goes on.
    static let headlineContinues: Set<String> = [
        "with", "of", "the", "a", "an", "and", "or", "to", "for", "in", "on", "at", "by", "from", "as", "after", "before",
        "over", "into", "between", "about", "amid", "against", "his", "her", "their", "its",
    ]

    /// The header's date line (``dateLine(in:)``) when the site prints one; else the dateline's
    /// date, its year as the dateline states it or the latest the text names (none if none).
    static func publicationDate(dateline: Dateline?, paragraphs: [Paragraph], note: inout String?) -> DatePoint? {
        if let header = dateLine(in: paragraphs) {
            var notes: [String] = []
            if let contradiction = header.contradiction { notes.append(contradiction + "; the written date is kept") }
            if header.isUpdate { notes.append("the site prints only when the story was updated; it may have been published earlier") }
            if let dateline, let month = dateline.month, let day = dateline.day, let dateText = dateline.dateText,
               month != header.date.month || day != header.date.day {
                notes.append("the dateline says '\(dateText)'")
            }
            note = notes.isEmpty ? nil : notes.joined(separator: "; ")
            return DatePoint(date: header.date, precision: .day, reason: "the date line at the top of the text says '\(header.line)'")
        }
        if let dateline, let year = dateline.year, let month = dateline.month, let day = dateline.day, let dateText = dateline.dateText,
           let date = CalendarDate(year: year, month: month, day: day) {
            return DatePoint(date: date, precision: .day, reason: "the dateline says '\(dateText)'")
        }
        let latestYear = years(in: paragraphs).max()
        if let dateline, let month = dateline.month, let day = dateline.day, let dateText = dateline.dateText {
            guard let year = latestYear, let date = CalendarDate(year: year, month: month, day: day) else {
                note = "the dateline says '\(dateText)'; the year is not stated in the text"
                return nil
            }
            return DatePoint(date: date, precision: .day,
                             reason: "the dateline says '\(dateText)'; the year \(year) is the latest the text names (not stated in the dateline)")
        }
        // No dated dateline: the latest full date the text gives bounds the publication from below.
        let resolver = TemporalResolver(reference: nil)
        var latest: DatePoint?
        // Without a reference only a date that states its year resolves: a paragraph without a
        // four-digit year (the resolver's 1900–2100) is not read.
        for paragraph in paragraphs where asciiYears(in: paragraph.text, within: 1900...2100).map({ !$0.isEmpty }) ?? true {
            for match in resolver.matches(in: paragraph.text) where match.date?.precision == .day {
                if let date = match.date, date.date > (latest?.date ?? date.date) || latest == nil { latest = date }
            }
        }
        if let latest {
            note = "not stated; published on or after \(latest.iso), the latest full date the text gives"
        } else {
            note = "not stated in the text"
        }
        return nil
    }

    /// Four-digit years from 1990 to 2100 written in the text.
    static func years(in paragraphs: [Paragraph]) -> [Int] {
        var found: [Int] = []
        for paragraph in paragraphs {
            if let years = asciiYears(in: paragraph.text, within: 1990...2100) {
                found += years
                continue
            }
            var digits = ""
            for character in paragraph.text + " " {
                if character.isASCII && character.isNumber {
                    digits.append(character)
                } else {
                    if digits.count == 4, let year = Int(digits), (1990...2100).contains(year) { found.append(year) }
                    digits = ""
                }
            }
        }
        return found
    }

    /// The same over UTF-8 bytes (this runs over every paragraph at load), or nil when a run of
    /// digits touches a non-ASCII byte: a combining mark after a digit makes it a non-ASCII
    /// character, which only the character loop above sees.
    private static func asciiYears(in text: String, within range: ClosedRange<Int>) -> [Int]? {
        var found: [Int] = []
        var text = text
        let clean: Bool = text.withUTF8 { bytes in
            var runStart = -1
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if byte >= 0x30 && byte <= 0x39 {
                    if runStart < 0 {
                        if index > 0, bytes[index - 1] >= 0x80 { return false }
                        runStart = index
                    }
                    continue
                }
                guard runStart >= 0 else { continue }
                if byte >= 0x80 { return false }
                if index - runStart == 4 {
                    let year = (runStart..<index).reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
                    if range.contains(year) { found.append(year) }
                }
                runStart = -1
            }
            return true
        }
        return clean ? found : nil
    }
}
