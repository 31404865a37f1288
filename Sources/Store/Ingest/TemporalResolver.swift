/// Finds temporal expressions in a sentence and resolves them against a reference date (the
/// article's publication date, as HeidelTime does for news) into ``DatePoint``s.
///
/// The words are data (``TemporalLexicon``); the rules are a short ordered list, each with a
/// name that travels into the result (``TemporalMatch/rule``). What is covered:
/// - dates: "Aug. 19", "Sept. 2", "September 22, 2025", "22 September", "September 22 to 29";
/// - months: "in June", "in June 2025", "since March";
/// - weekdays, past or next by the clause's tense: "on Monday", "this Friday", "last Tuesday";
/// - relative: today, yesterday, tomorrow, "last week", "next week", "this week",
///   "earlier this month", "later this year", "last month", "three days ago", "in two weeks";
/// - deadlines: "within the next two weeks", "in the next week to 10 days" (the last day).
///
/// A date without a year takes the year that puts it on the right side of the reference for
/// the tense (on or before it for a report, on or after it for a plan); the reason says so.
/// With no reference date, only expressions that carry their own year resolve.
public struct TemporalResolver: Sendable {
    public let reference: CalendarDate?
    /// How precisely the reference is known. With a week-precision publication date (the Monday
    /// of the week), a bare weekday means that day of the same week: the article was written
    /// some day that week, so "on Tuesday" cannot be placed before or after it by tense.
    public let referencePrecision: DatePoint.Precision

    public init(reference: CalendarDate?, precision: DatePoint.Precision = .day) {
        self.reference = reference
        self.referencePrecision = precision
    }

    /// Resolves against a publication date, with its precision.
    public init(published: DatePoint?) {
        self.init(reference: published?.date, precision: published?.precision ?? .day)
    }

    public enum Tense: Sendable, Equatable {
        case past, future, unknown

        /// The tense of a clause from its markers ("will", "is due to" → future; "said", "met" → past).
        public static func of(_ clause: String) -> Tense {
            let words = TemporalTokens(clause).tokens.map(\.text)
            return of(words: words[...], nearestTo: words.count)
        }

        /// The marker nearest before position `index` decides ("Putin said on Dec. 31 that the war
        /// would go on": "said", not "would"); with none before it, the nearest after it. Only
        /// the words read are marked, outward from `index` (most sentences decide within a few).
        static func of(words: ArraySlice<String>, nearestTo index: Int) -> Tense {
            nearest(count: words.count, to: index - words.startIndex) { marker(words, at: words.startIndex + $0) }
        }

        /// The first marker outward from `index`: before it, then after it, within the clause
        /// around the expression: at most 12 words either side (this also keeps a very long run
        /// of text linear).
        private static func nearest(count: Int, to index: Int, marker: (Int) -> Tense?) -> Tense {
            let anchor = min(index, count)
            for position in stride(from: anchor - 1, through: max(0, anchor - 12), by: -1) {
                if let tense = marker(position) { return tense }
            }
            for position in anchor..<min(count, anchor + 12) {
                if let tense = marker(position) { return tense }
            }
            return .unknown
        }

        /// "ed" as UTF-8.
        private static let participleEnding = Array("ed".utf8)

        static func marker(_ words: ArraySlice<String>, at index: Int) -> Tense? {
            let word = words[index]
            let listed = TemporalLexicon.tenseMarkers[word]
            if listed == true {
                // "next", "coming", "set" mark the future only inside a time phrase (the rules read those).
                if word == "next" || word == "coming" || word == "set" { return nil }
                if TemporalLexicon.futureIfBe.contains(word) {
                    let previous = index > words.startIndex ? words[index - 1] : ""
                    return TemporalLexicon.beForms.contains(previous) ? .future : nil
                }
                return .future
            }
            // "-ed" is read from the last two bytes before the word's length in characters is
            // counted: most words are neither listed nor end in "ed".
            let participle = listed == false
                || (WordScalar.hasSuffix(word, utf8: Self.participleEnding) && word.count > 4
                    && !TemporalLexicon.notParticiples.contains(word))
            guard participle else { return nil }
            // "will be held", "would be signed", "is due to be held": a plan, not a report.
            let lookback = words[max(words.startIndex, index - 4)..<index]
            if lookback.contains(where: TemporalLexicon.modals.contains) { return .future }
            if lookback.contains("to"), lookback.contains("be") { return .future }
            return .past
        }
    }

    /// One expression found in a sentence: its text range, what it means, and the rule.
    public struct TemporalMatch: Sendable {
        public let range: Range<String.Index>
        public let text: String
        public let rule: String
        /// nil when the expression was found but could not be resolved (no reference date).
        public let date: DatePoint?
    }

    /// Every temporal expression in `sentence`, left to right, resolved with the sentence's tense.
    public func matches(in sentence: String, tense: Tense? = nil) -> [TemporalMatch] {
        matches(in: sentence, tokens: TemporalTokens(sentence).tokens, tense: tense)
    }

    /// The same, for a sentence already tokenised (`TemporalTokens(sentence).tokens`).
    func matches(in sentence: String, tokens: [Token], tense: Tense? = nil) -> [TemporalMatch] {
        // The words, read only once a rule needs the tense (most sentences have no date at all).
        var words: [String]?
        func clauseTense(at index: Int) -> Tense {
            if let tense { return tense }
            let known = words ?? tokens.map(\.text)
            words = known
            return Tense.of(words: known[...], nearestTo: index)
        }
        var found: [TemporalMatch] = []
        var index = 0
        while index < tokens.count {
            // One lookup rules out most words before six rules each look them up.
            if Self.mayOpen(tokens[index].text), let (length, rule, date) = match(tokens, at: index, in: sentence, tense: clauseTense(at: index)) {
                let range = tokens[index].range.lowerBound..<tokens[index + length - 1].range.upperBound
                found.append(TemporalMatch(range: range, text: String(sentence[range]), rule: rule, date: date))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// The first expression in `text`, resolved (a convenience for single expressions).
    public func resolve(_ text: String, tense: Tense = .unknown) -> DatePoint? {
        matches(in: text, tense: tense).first?.date
    }

    // MARK: rules, tried in order at each token

    /// A rule can start at this word: a number written in digits, or a word of
    /// ``TemporalLexicon/ruleOpeners``.
    static func mayOpen(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || TemporalLexicon.ruleOpeners.contains(word)
    }

    typealias Token = TemporalTokens.Token
    typealias Outcome = (length: Int, rule: String, date: DatePoint?)

    /// `tense` is evaluated only by a rule that has matched far enough to need it.
    func match(_ tokens: [Token], at index: Int, in sentence: String, tense: @autoclosure () -> Tense) -> Outcome? {
        deadline(tokens, at: index, in: sentence)
            ?? monthDay(tokens, at: index, in: sentence, tense: tense())
            ?? dayMonth(tokens, at: index, in: sentence, tense: tense())
            ?? monthOnly(tokens, at: index, in: sentence, tense: tense())
            ?? weekday(tokens, at: index, in: sentence, tense: tense())
            ?? relative(tokens, at: index, in: sentence)
    }

    /// "within the next two weeks", "in the next week to 10 days", "in two weeks", "within 10 days".
    func deadline(_ tokens: [Token], at index: Int, in sentence: String) -> Outcome? {
        var cursor = index
        guard let first = word(tokens, cursor), TemporalLexicon.deadlineOpeners.contains(first) else { return nil }
        cursor += 1
        var sawNext = false
        if word(tokens, cursor) == "the", let next = word(tokens, cursor + 1), next == "next" || next == "coming" {
            cursor += 2
            sawNext = true
        }
        guard let (firstDays, afterFirst) = span(tokens, at: cursor) else { return nil }
        cursor = afterFirst
        var days = firstDays
        if let joint = word(tokens, cursor), joint == "to" || joint == "or" || joint == "-", let (upper, afterUpper) = span(tokens, at: cursor + 1) {
            days = max(days, upper)
            cursor = afterUpper
        }
        guard first == "within" || sawNext || firstDays >= 1 else { return nil }
        let text = phrase(sentence, tokens, index, cursor)
        guard let reference, let date = reference.adding(days: days) else { return (cursor - index, "deadline", nil) }
        return (cursor - index, "deadline",
                DatePoint(date: date, precision: .day, reason: "text says '\(text)': at the latest \(days) days after \(reference.iso)"))
    }

    /// "two weeks", "10 days", "a week" → days, and the index after it.
    func span(_ tokens: [Token], at index: Int) -> (Int, Int)? {
        guard let count = word(tokens, index).flatMap(number), let unit = word(tokens, index + 1),
              let days = TemporalLexicon.units[unit] else {
            // "week" alone ("the next week to 10 days")
            if let unit = word(tokens, index), let days = TemporalLexicon.units[unit], !unit.hasSuffix("s") { return (days, index + 1) }
            return nil
        }
        return (count * days, index + 2)
    }

    /// "Aug. 19", "September 22, 2025", "Sept. 2", "September 22 to 29", "August 4-5".
    func monthDay(_ tokens: [Token], at index: Int, in sentence: String, tense: @autoclosure () -> Tense) -> Outcome? {
        guard let month = word(tokens, index).flatMap({ TemporalLexicon.months[$0] }),
              tokens[index].capitalized || tokens[index].text.count > 3,
              let day = word(tokens, index + 1).flatMap(dayNumber) else { return nil }
        var cursor = index + 2
        var rangeEnd: Int?
        if let joint = word(tokens, cursor), ["to", "-", "–", "and", "through"].contains(joint),
           let end = word(tokens, cursor + 1).flatMap(dayNumber), end > day {
            rangeEnd = end
            cursor += 2
        }
        var year: Int?
        let yearAt = word(tokens, cursor) == "," ? cursor + 1 : cursor
        if let explicit = word(tokens, yearAt).flatMap(yearNumber) {
            year = explicit
            cursor = yearAt + 1
        }
        return (cursor - index, "month-day",
                resolveDay(month: month, day: day, year: year, tense: tense(), text: phrase(sentence, tokens, index, cursor), rangeEnd: rangeEnd))
    }

    /// "22 September", "5 September 2025".
    func dayMonth(_ tokens: [Token], at index: Int, in sentence: String, tense: @autoclosure () -> Tense) -> Outcome? {
        guard let day = word(tokens, index).flatMap(dayNumber),
              let month = word(tokens, index + 1).flatMap({ TemporalLexicon.months[$0] }),
              tokens[index + 1].capitalized else { return nil }
        var cursor = index + 2
        var year: Int?
        if let explicit = word(tokens, cursor).flatMap(yearNumber) {
            year = explicit
            cursor += 1
        }
        return (cursor - index, "day-month",
                resolveDay(month: month, day: day, year: year, tense: tense(), text: phrase(sentence, tokens, index, cursor), rangeEnd: nil))
    }

    /// "in June", "in June 2025", "since March", "by December": month precision.
    func monthOnly(_ tokens: [Token], at index: Int, in sentence: String, tense: @autoclosure () -> Tense) -> Outcome? {
        guard let preposition = word(tokens, index), TemporalLexicon.monthPrepositions.contains(preposition),
              let month = word(tokens, index + 1).flatMap({ TemporalLexicon.months[$0] }), tokens[index + 1].capitalized,
              tokens[index + 1].text.count > 3 || tokens[index + 1].text == "may",
              word(tokens, index + 2).flatMap(dayNumber) == nil else { return nil }  // "from September 22": a day, not a month
        var cursor = index + 2
        var year: Int?
        if let explicit = word(tokens, cursor).flatMap(yearNumber) {
            year = explicit
            cursor += 1
        }
        let text = phrase(sentence, tokens, index, cursor)
        let resolvedYear = year ?? reference.map { chooseYear(month: month, day: 1, tense: tense(), around: $0, monthOnly: true) }
        guard let resolvedYear, let date = CalendarDate(year: resolvedYear, month: month, day: 1) else {
            return (cursor - index, "month", nil)
        }
        let why = year == nil ? "; year from the publication date (\(reference?.iso ?? "?"))" : ""
        return (cursor - index, "month", DatePoint(date: date, precision: .month, reason: "text says '\(text)'\(why)"))
    }

    /// "on Monday", "this Friday", "last Tuesday", "next Thursday", "Monday".
    func weekday(_ tokens: [Token], at index: Int, in sentence: String, tense: @autoclosure () -> Tense) -> Outcome? {
        var cursor = index
        var modifier: String?
        if let first = word(tokens, cursor), TemporalLexicon.weekdayModifiers.contains(first) {
            modifier = first
            cursor += 1
            if word(tokens, cursor) == "coming" || word(tokens, cursor) == "past" {
                modifier = word(tokens, cursor)
                cursor += 1
            }
        }
        guard let name = word(tokens, cursor), let target = TemporalLexicon.weekdays[name], tokens[cursor].capitalized,
              name.count > 3 || tokens[cursor].abbreviated else { return nil }
        cursor += 1
        // "Monday's meeting", "on Monday night": the day is the same.
        if let part = word(tokens, cursor), ["morning", "afternoon", "evening", "night"].contains(part) { cursor += 1 }
        let text = phrase(sentence, tokens, index, cursor)
        guard let reference else { return (cursor - index, "weekday", nil) }
        let offset = target - reference.weekday
        let days: Int
        let how: String
        switch modifier {
        case "this":
            days = offset
            how = "in the week of"
        case "last", "past":
            days = offset < 0 ? offset : offset - 7
            how = "the last before"
        case "next", "coming":
            days = offset > 0 ? offset : offset + 7
            how = "the next after"
        default:
            if referencePrecision == .week {
                days = target - reference.weekday
                how = "that day of the publication week, which starts"
                break
            }
            switch tense() {
            case .future:
                days = offset >= 0 ? offset : offset + 7
                how = "the next (future tense) on or after"
            case .past:
                days = offset <= 0 ? offset : offset - 7
                how = "the last (past tense) on or before"
            case .unknown:
                days = offset > 3 ? offset - 7 : (offset < -3 ? offset + 7 : offset)
                how = "the nearest to"
            }
        }
        guard let date = reference.adding(days: days) else { return nil }
        return (cursor - index, "weekday", DatePoint(date: date, precision: .day, reason: "text says '\(text)': \(how) \(reference.iso)"))
    }

    /// today, yesterday, tomorrow, "last week", "this month", "earlier this year", "three days ago".
    func relative(_ tokens: [Token], at index: Int, in sentence: String) -> Outcome? {
        guard let first = word(tokens, index) else { return nil }
        func point(_ length: Int, _ rule: String, _ make: (CalendarDate) -> (CalendarDate?, DatePoint.Precision)) -> Outcome {
            let text = phrase(sentence, tokens, index, index + length)
            guard let reference, case let (date?, precision) = make(reference) else { return (length, rule, nil) }
            return (length, rule, DatePoint(date: date, precision: precision, reason: "text says '\(text)', relative to \(reference.iso)"))
        }
        switch first {
        case "today", "tonight":
            return point(1, "deictic") { ($0, .day) }
        case "yesterday":
            return point(1, "deictic") { ($0.adding(days: -1), .day) }
        case "tomorrow":
            return point(1, "deictic") { ($0.adding(days: 1), .day) }
        default:
            break
        }
        // "N days/weeks ago"
        if let (days, after) = span(tokens, at: index), word(tokens, after) == "ago" {
            return point(after + 1 - index, "ago") { ($0.adding(days: -days).map { days >= 7 ? $0.weekStart : $0 }, days >= 7 ? .week : .day) }
        }
        var cursor = index
        var lead: String?
        if TemporalLexicon.relativeLeads.contains(first) {
            lead = first
            cursor += 1
        }
        guard let which = word(tokens, cursor), TemporalLexicon.relativeShifts.contains(which),
              let unit = word(tokens, cursor + 1), ["week", "month", "year", "weekend"].contains(unit) else { return nil }
        if lead != nil && which != "this" { return nil }
        let length = cursor + 2 - index
        let shift = ["last", "past", "previous"].contains(which) ? -1 : (["next", "coming"].contains(which) ? 1 : 0)
        switch unit {
        case "week", "weekend":
            return point(length, "relative-week") { ($0.weekStart.adding(days: 7 * shift), .week) }
        case "month":
            return point(length, "relative-month") { reference in
                let months = reference.year * 12 + reference.month - 1 + shift
                return (CalendarDate(year: months / 12, month: months % 12 + 1, day: 1), .month)
            }
        default:
            return point(length, "relative-year") { (CalendarDate(year: $0.year + shift, month: 1, day: 1), .year) }
        }
    }

    // MARK: helpers

    func resolveDay(month: Int, day: Int, year: Int?, tense: Tense, text: String, rangeEnd: Int?) -> DatePoint? {
        let range = rangeEnd.map { " (to the \($0)th)" } ?? ""
        if let year {
            guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
            return DatePoint(date: date, precision: .day, reason: "text says '\(text)'\(range)")
        }
        guard let reference else { return nil }
        let chosen = chooseYear(month: month, day: day, tense: tense, around: reference, monthOnly: false)
        guard let date = CalendarDate(year: chosen, month: month, day: day) else { return nil }
        return DatePoint(date: date, precision: .day,
                         reason: "text says '\(text)'\(range); year \(chosen) from the publication date (\(reference.iso))")
    }

    /// The year that puts month/day on the tense's side of `reference` (nearest when unknown).
    func chooseYear(month: Int, day: Int, tense: Tense, around reference: CalendarDate, monthOnly: Bool) -> Int {
        let candidates = [reference.year - 1, reference.year, reference.year + 1]
        func distance(_ year: Int) -> Int {
            guard let date = CalendarDate(year: year, month: month, day: min(day, 28)) else { return Int.max }
            if monthOnly && year == reference.year && month == reference.month { return 0 }
            let delta = date.dayNumber - reference.dayNumber
            switch tense {
            case .past: return delta <= 0 ? -delta : Int.max / 2 + delta
            case .future: return delta >= 0 ? delta : Int.max / 2 - delta
            case .unknown:
                // News reports the past: a bare month ("in June") is the last one, unless that is
                // more than ten months back.
                if monthOnly { return delta <= 0 && delta > -300 ? -delta : Int.max / 4 + abs(delta) }
                return abs(delta)
            }
        }
        return candidates.min { distance($0) < distance($1) } ?? reference.year
    }

    func word(_ tokens: [Token], _ index: Int) -> String? {
        index < tokens.count ? tokens[index].text : nil
    }

    /// The tokens as written: no space around a dash or before a comma ("Aug. 4-5", "August 15, 2025").
    func phrase(_ sentence: String, _ tokens: [Token], _ start: Int, _ end: Int) -> String {
        var text = ""
        for index in start..<end {
            let token = sentence[tokens[index].range]
            let joined = index == start || token == "," || token == "-" || token == "–"
                || sentence[tokens[index - 1].range] == "-" || sentence[tokens[index - 1].range] == "–"
            text += (joined ? "" : " ") + token
        }
        return text
    }

    func number(_ word: String) -> Int? {
        if let value = Int(word), value > 0, value < 400 { return value }
        return TemporalLexicon.numbers[word]
    }

    func dayNumber(_ word: String) -> Int? {
        guard let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    func yearNumber(_ word: String) -> Int? {
        guard word.count == 4, let value = Int(word), (1900...2100).contains(value) else { return nil }
        return value
    }
}
