import Testing
@testable import Store

/// The merge index finds every event a full scan would find: for random events and groups of
/// every kind, precision and entity mix, the first event in order that reports the group is the
/// same through the index as through all events.
@Suite struct EventMergeIndexTests {
    /// A small deterministic generator (SplitMix64), so a failure repeats.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let entities = ["ukraine", "france", "paris", "kyiv", "russia", "volodymyr-zelensky"]
    /// Countries are weak evidence where a side is undated: the index looks those up by the rest.
    static let countries: Set<String> = ["ukraine", "france", "russia"]

    static func date(_ generator: inout Generator) -> DatePoint? {
        guard Int.random(in: 0..<5, using: &generator) > 0 else { return nil }
        let precision = DatePoint.Precision.allCases.randomElement(using: &generator) ?? .day
        // Two years, so buckets of every width and the year boundary are crossed.
        let year = Int.random(in: 2024...2025, using: &generator)
        let month = precision == .year ? 1 : Int.random(in: 1...12, using: &generator)
        let day = precision == .year || precision == .month ? 1 : Int.random(in: 1...28, using: &generator)
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return DatePoint(date: date, precision: precision, reason: "test")
    }

    @Test func theIndexFindsWhatAFullScanFinds() {
        var generator = Generator(state: 18)
        var events: [Event] = []
        var index = EventMergeIndex()
        for number in 0..<600 {
            let participants = Self.entities.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator))
            let event = Event(
                id: "e\(number)", title: "", kind: Event.Kind.allCases.randomElement(using: &generator) ?? .talks,
                status: Event.Status.allCases.randomElement(using: &generator) ?? .held,
                start: Self.date(&generator), end: nil,
                location: Bool.random(using: &generator) ? Self.entities.randomElement(using: &generator) : nil,
                participants: participants.map { Participant(entity: $0, role: .principal) }, summary: "",
                proposals: [], evidence: [], enrichment: [], articles: [], outlets: [])
            index.add(event, at: events.count)
            events.append(event)
        }
        var found = 0, undatedByCountryOnly = 0
        for number in 0..<1500 {
            let quote = "Report \(number)."
            var candidate = EventExtractor.Candidate(
                kind: Event.Kind.allCases.randomElement(using: &generator) ?? .talks,
                status: Event.Status.allCases.randomElement(using: &generator) ?? .held,
                participants: Array(Self.entities.shuffled(using: &generator).prefix(Int.random(in: 1...2, using: &generator))),
                location: Bool.random(using: &generator) ? Self.entities.randomElement(using: &generator) : nil,
                date: Self.date(&generator), article: "a\(number)", paragraph: 0, quote: quote, start: 0,
                end: quote.unicodeScalars.count, rule: "test", confidence: 0.8, copyKey: EventExtractor.sentenceKey(quote))
            candidate.countries = Self.countries.intersection(candidate.participants)
            candidate.locationIsCountry = candidate.location.map(Self.countries.contains) ?? false
            for group in EventExtractor.group([candidate]) {
                let scanned = events.indices.first { EventExtractor.reports(group, known: events[$0], in: nil) }
                let indexed = index.candidates(for: group).first { EventExtractor.reports(group, known: events[$0], in: nil) }
                #expect(indexed == scanned, "group \(number)")
                if scanned != nil { found += 1 }
                if group.date == nil, group.participants.allSatisfy(Self.countries.contains),
                   group.location.map(Self.countries.contains) ?? true { undatedByCountryOnly += 1 }
            }
        }
        #expect(found > 300, "most groups report some event (\(found))")
        #expect(undatedByCountryOnly > 20, "undated groups whose only shared entities are countries (\(undatedByCountryOnly))")
    }
}
