import Testing
@testable import Store

/// Sentence → the first temporal expression's date, against a publication date of Friday
/// 5 September 2025. Tense comes from the sentence ("said" past, "will" future).
@Suite struct TemporalResolverTests {
    static let reference = CalendarDate(year: 2025, month: 9, day: 5)
    static let resolver = TemporalResolver(reference: reference)

    @Test(arguments: [
        ("Kremlin aide Yuri Ushakov said on Sept. 2 that no meeting was planned.", "2025-09-02", "day", "Sept. 2"),
        ("The talks took place on Aug. 19 in Washington.", "2025-08-19", "day", "Aug. 19"),
        ("The leaders will meet on September 22.", "2025-09-22", "day", "September 22"),
        ("The forum runs September 22 to 29.", "2025-09-22", "day", "September 22 to 29"),
        ("Zelensky said on Monday that talks were possible.", "2025-09-01", "day", "on Monday"),
        ("The envoys will meet on Monday.", "2025-09-08", "day", "on Monday"),
        ("The coalition meets in Paris this Friday.", "2025-09-05", "day", "this Friday"),
        ("He spoke to Trump last Tuesday.", "2025-09-02", "day", "last Tuesday"),
        ("They hope to sign it next Thursday.", "2025-09-11", "day", "next Thursday"),
        ("Ministers met last week in Brussels.", "2025-08-25", "week", "last week"),
        ("A new round is planned for next week.", "2025-09-08", "week", "next week"),
        ("Talks continued this week.", "2025-09-01", "week", "this week"),
        ("The envoy visited Kyiv earlier this month.", "2025-09-01", "month", "earlier this month"),
        ("A summit could take place later this year.", "2025-01-01", "year", "later this year"),
        ("The ceasefire collapsed last month.", "2025-08-01", "month", "last month"),
        ("Elections will follow next month.", "2025-10-01", "month", "next month"),
        ("Sanctions were tightened last year.", "2024-01-01", "year", "last year"),
        ("The minerals deal was signed in June.", "2025-06-01", "month", "in June"),
        ("Talks will resume in January.", "2026-01-01", "month", "in January"),
        ("The plan was first drafted in June 2024.", "2024-06-01", "month", "in June 2024"),
        ("Merz said a meeting should happen within the next two weeks.", "2025-09-19", "day", "within the next two weeks"),
        ("A decision is due in the next week to 10 days.", "2025-09-15", "day", "in the next week to 10 days"),
        ("Putin will decide in two weeks.", "2025-09-19", "day", "in two weeks"),
        ("The strike happened three days ago.", "2025-09-02", "day", "three days ago"),
        ("Macron spoke to Zelensky yesterday.", "2025-09-04", "day", "yesterday"),
        ("The leaders will speak tomorrow.", "2025-09-06", "day", "tomorrow"),
        ("The Kremlin said today it was ready.", "2025-09-05", "day", "today"),
        ("The summit will be held on 22 September.", "2025-09-22", "day", "22 September"),
        ("The summit in Alaska took place on August 15, 2025.", "2025-08-15", "day", "August 15, 2025"),
        ("Putin said on Dec. 31 that the war would go on.", "2024-12-31", "day", "Dec. 31"),
        ("Trump will visit on Jan. 10.", "2026-01-10", "day", "Jan. 10"),
        ("Zelensky said on Friday that he was ready.", "2025-09-05", "day", "on Friday"),
        ("The envoys met on Saturday.", "2025-08-30", "day", "on Saturday"),
        ("Witkoff will travel to Moscow on Sunday.", "2025-09-07", "day", "on Sunday"),
        ("The talks began on Sept. 1st.", "2025-09-01", "day", "Sept. 1st"),
        ("Fighting has intensified since March.", "2025-03-01", "month", "since March"),
        ("A deal is expected by December.", "2025-12-01", "month", "by December"),
        ("The package was announced 2 weeks ago.", "2025-08-18", "week", "2 weeks ago"),
        ("Parliamentary elections in May remain in doubt.", "2025-05-01", "month", "in May"),
        ("Monday's meeting in Paris drew 26 countries.", "2025-09-08", "day", "Monday's"),
        ("Ukraine expects an answer within 10 days.", "2025-09-15", "day", "within 10 days"),
        ("Delegations met on Aug. 4-5 in Istanbul.", "2025-08-04", "day", "Aug. 4-5"),
        ("Prices rose over the past week.", "2025-08-25", "week", "past week"),
    ])
    func resolves(_ sentence: String, _ iso: String, _ precision: String, _ text: String) throws {
        let match = try #require(Self.resolver.matches(in: sentence).first, "nothing found in: \(sentence)")
        #expect(match.text == text, "\(sentence)")
        #expect(match.date?.iso == iso, "\(sentence): \(match.date?.reason ?? "unresolved")")
        #expect(match.date?.precision.rawValue == precision, "\(sentence)")
        #expect(match.date?.periodProblem == nil, "\(sentence)")
        #expect(match.date?.reason.contains(text) == true, "the reason quotes the text: \(match.date?.reason ?? "")")
    }

    @Test(arguments: [
        "Leaders may meet again soon.",
        "The Ukrainian president thanked the coalition.",
        "Article 5 guarantees were discussed.",
        "He met March, the envoy's aide.",
        "The monday meeting was cancelled.",
    ])
    func findsNothingWhereThereIsNoDate(_ sentence: String) {
        #expect(Self.resolver.matches(in: sentence).isEmpty, "\(sentence): \(Self.resolver.matches(in: sentence).map(\.text))")
    }

    @Test func withoutAPublicationDateOnlyExplicitYearsResolve() {
        let resolver = TemporalResolver(reference: nil)
        #expect(resolver.resolve("on September 22, 2025")?.iso == "2025-09-22")
        #expect(resolver.resolve("in June 2024")?.iso == "2024-06-01")
        let unresolved = resolver.matches(in: "He spoke on Monday.")
        #expect(unresolved.count == 1 && unresolved[0].date == nil, "found but unresolved, so validate can list it")
    }

    @Test func aWeekPrecisionPublicationDatePlacesABareWeekdayInThatWeek() {
        let monday = CalendarDate(year: 2025, month: 3, day: 31)
        let resolver = TemporalResolver(reference: monday, precision: .week)
        #expect(resolver.resolve("Zelensky said on Tuesday", tense: .past)?.iso == "2025-04-01")
        #expect(resolver.resolve("They will meet this Friday")?.iso == "2025-04-04")
        #expect(resolver.resolve("He spoke last Tuesday")?.iso == "2025-03-25", "an explicit 'last' still means the week before")
    }

    @Test func tenseComesFromTheClause() {
        #expect(TemporalResolver.Tense.of("Putin will meet Trump") == .future)
        #expect(TemporalResolver.Tense.of("The summit is due to take place") == .future)
        #expect(TemporalResolver.Tense.of("Ushakov said there was no agreement") == .past)
        #expect(TemporalResolver.Tense.of("The leaders met in Alaska") == .past)
        #expect(TemporalResolver.Tense.of("Leaders gather in Paris") == .unknown)
    }

    @Test func calendarArithmeticRoundTrips() throws {
        for day in stride(from: -700_000, through: 2_900_000, by: 997) {
            let date = try #require(CalendarDate(dayNumber: day))
            #expect(date.dayNumber == day)
        }
        #expect(CalendarDate(year: 2025, month: 9, day: 5)?.weekStart.iso == "2025-09-01")
    }

    /// The resolver passes a word that is not a rule opener without trying the rules; no rule may
    /// start at such a word. Every lexicon word, and words beside them, in every two-word order.
    @Test func noRuleStartsAtAWordThatIsNotAnOpener() {
        let lexicon = Set(TemporalLexicon.months.keys).union(TemporalLexicon.weekdays.keys).union(TemporalLexicon.numbers.keys)
            .union(TemporalLexicon.units.keys).union(TemporalLexicon.deadlineOpeners).union(TemporalLexicon.monthPrepositions)
            .union(TemporalLexicon.weekdayModifiers).union(TemporalLexicon.relativeLeads).union(TemporalLexicon.relativeShifts)
            .union(TemporalLexicon.deictic)
        // Written out too, so a word dropped from an opener table is still tried.
        let rulesWords = ["within", "in", "since", "until", "by", "during", "from", "through", "before", "after", "on", "this",
                          "last", "next", "coming", "past", "previous", "earlier", "later", "today", "tonight", "yesterday", "tomorrow"]
        let words = Array(lexicon.union(rulesWords)) + ["ago", "the", "morning", "said", "22", "2025", "Monday", "Sept.", "-", ",", "3rd", "and"]
        var tried = 0
        for first in words {
            for second in words {
                for third in ["", " ago", " 2025", " weeks", " month"] {
                    let sentence = "\(first) \(second)\(third)"
                    let tokens = TemporalTokens(sentence).tokens
                    for index in tokens.indices where !TemporalResolver.mayOpen(tokens[index].text) {
                        tried += 1
                        #expect(Self.resolver.match(tokens, at: index, in: sentence, tense: .unknown) == nil,
                                "a rule starts at '\(tokens[index].text)' in '\(first) \(second)\(third)'")
                    }
                }
            }
        }
        #expect(tried > 1_000)
    }
}
