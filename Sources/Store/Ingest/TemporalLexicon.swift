/// The words the temporal resolver knows, as data (HeidelTime keeps these in
/// `resources/english/normalization/`): month and weekday names with their news-wire
/// abbreviations, number words, and the markers that tell past from future.
enum TemporalLexicon {
    /// Month names and abbreviations as wire copy writes them ("Sept.", "Sep", "Aug."), lowercased,
    /// without the period.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// The short forms that are written with a period ("Sept.", "Tue."); full names are not.
    static let abbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    ]

    /// ISO weekday numbers (1 = Monday).
    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
        "twenty": 20, "thirty": 30, "couple": 2, "few": 3,
    ]

    /// The words each rule of ``TemporalResolver`` starts with (besides month and weekday
    /// names, number words and units): "within two weeks", "since March", "last Tuesday",
    /// "earlier this month", "next week".
    static let deadlineOpeners: Set<String> = ["within", "in"]
    static let monthPrepositions: Set<String> = ["in", "since", "until", "by", "during", "from", "through", "before", "after"]
    static let weekdayModifiers: Set<String> = ["on", "this", "last", "next", "coming", "past", "until", "by", "since"]
    static let relativeLeads: Set<String> = ["earlier", "later"]
    static let relativeShifts: Set<String> = ["this", "last", "next", "past", "previous", "coming"]
    static let deictic: Set<String> = ["today", "tonight", "yesterday", "tomorrow"]

    /// Every word a rule can start at, other than a number in digits: the resolver passes any
    /// other word with one lookup. Built from the rules' own tables, so a word added to one of
    /// them is an opener too.
    static let ruleOpeners = WordTable(words: deadlineOpeners.union(monthPrepositions).union(weekdayModifiers)
        .union(relativeLeads).union(relativeShifts).union(deictic)
        .union(months.keys).union(weekdays.keys).union(numbers.keys).union(units.keys))

    /// Units of a span, in days.
    static let units: [String: Int] = ["day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30]

    /// Words that put a clause in the future (or make it a plan rather than a report).
    static let futureMarkers: Set<String> = [
        "will", "would", "shall", "'ll", "plans", "plan", "planning", "scheduled", "due", "expected",
        "expects", "upcoming", "coming", "next", "intends", "going", "could", "might", "propose",
        "proposes", "aims", "set",
    ]

    /// Words that mark a report of the past.
    static let pastMarkers: Set<String> = [
        "said", "says", "met", "held", "was", "were", "had", "did", "told", "spoke", "visited", "signed", "agreed",
        "discussed", "last", "ago", "earlier", "yesterday", "called", "announced", "attended", "hosted", "took",
        "saw", "came", "went", "made", "gave", "left", "began", "led", "wrote", "sent", "met", "flew", "won", "lost",
    ]

    /// Both marker sets in one table (true: future, false: past; a word in both is future, as
    /// the future is checked first): `Tense.marker` reads every word of a sentence with one lookup.
    static let tenseMarkers = WordTable(Dictionary(
        pastMarkers.map { ($0, false) } + futureMarkers.map { ($0, true) }, uniquingKeysWith: { $0 || $1 }
    ))

    /// Future only after a form of "be" ("is due to", "are expected to"), among the future markers.
    static let futureIfBe: WordTable<Void> = ["due", "expected", "scheduled", "going"]
    static let beForms: WordTable<Void> = ["is", "are", "was", "were", "be", "been", "'s"]

    /// Words ending in "-ed" that are not a past participle here (or mark a plan, not a report).
    static let notParticiples: WordTable<Void> = ["need", "speed", "proceed", "exceed", "planned", "proposed"]

    /// A modal within four words before a participle makes it a plan: "will be held".
    static let modals: WordTable<Void> = ["will", "would", "shall", "'ll"]
}
