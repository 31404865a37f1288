/// Rule-based event extraction from the sentences of loaded articles (no HTTP here).
///
/// From each sentence: a trigger for the event kind (``EventLexicon``), the participants (the
/// people, countries and organisations mentioned in the sentence), a location (a place or
/// country mention introduced by "in" or "at", never invented), a date (``TemporalResolver``
/// against the article's publication date) and a status from negation, modality and tense.
/// The sentence is the evidence, verbatim, with its offsets. Candidates reporting the same
/// event are then grouped (``group(_:)``): compatible kinds, a shared participant or place,
/// and dates that agree within their precision.
public struct EventExtractor: Sendable {
    /// One sentence's event.
    public struct Candidate: Sendable, Hashable {
        public let kind: Event.Kind
        public let status: Event.Status
        public let participants: [String]
        public let location: String?
        public let date: DatePoint?
        public let article: String
        public let paragraph: Int
        /// The sentence, verbatim from the cleaned text, and its offsets in the paragraph (code points).
        public let quote: String
        public let start: Int
        public let end: Int
        /// The rule that produced it ("trigger:met"), and how sure it is (0–1).
        public let rule: String
        public let confidence: Double
        /// What the sentence says against itself ("Thursday, August 4" when 4 August was a Monday).
        public var notes: [String] = []
        /// Participants that are countries; whether the location is a country.
        var countries: Set<String> = []
        /// The countries of its people and bodies (Putin → Russia), for matching a known event
        /// that names the country where a report names the person, or the reverse.
        var affiliatedCountries: Set<String> = []
        /// The sides taking part: each participant's country, or itself when it has none.
        var parties: Set<String> = []
        var locationIsCountry = false
        /// The country a city or site the report is placed in lies in: two reports placed in
        /// different countries are of different gatherings. Not a country named as the place
        /// ("the fighting in Ukraine" is no venue).
        var locationCountry: String?
        /// The trigger has a definite article ("the talks"): it names a gathering already reported.
        var definite = false
        /// Met "on the sidelines of" a larger gathering: a meeting of its own, not that gathering.
        var sidelines = false
        /// The sentence as ``EventExtractor/sentenceKey(_:)``, computed once.
        var copyKey = ""
        /// The day the reporting article was published, when known to the day.
        var published: CalendarDate?
    }

    /// Candidates that report one event.
    public struct Group: Sendable {
        public private(set) var members: [Candidate]
        /// Participants in first-mention order, and as a set for matching.
        public private(set) var participants: [String]
        private(set) var participantSet: Set<String>
        public private(set) var location: String?
        /// The finest date any report gives.
        public private(set) var date: DatePoint?
        /// Participants that are countries, and whether the location is one: weak evidence of sameness.
        private(set) var countries: Set<String>
        private(set) var affiliatedCountries: Set<String>
        private(set) var parties: Set<String>
        private(set) var locationIsCountry: Bool
        private(set) var locationCountry: String?
        /// Its first report met on the sidelines of a larger gathering.
        private(set) var sidelines: Bool
        /// The members' sentences as ``EventExtractor/sentenceKey(_:)``: a copy is found in O(1).
        private(set) var sentenceKeys: Set<String>
        /// Their hashes: a group is checked against every candidate near it, and hashing a whole
        /// sentence key each time was most of the check. A hash found is confirmed by the key.
        private(set) var sentenceKeyHashes: Set<Int>

        // Kept as reports arrive, so grouping reads them in O(1) however large a group grows.
        private var mostSpecific: Event.Kind
        /// Per status (``statuses`` order): how many reports give it, and the last one that does.
        private var statusCounts = [Int](repeating: 0, count: Group.statuses.count)
        private var lastReport = [Int](repeating: 0, count: Group.statuses.count)
        private static let statuses = Event.Status.allCases
        private var bestConfidence: Double
        private var articleList: [String] = []
        private var articleSet: Set<String> = []
        /// The latest day a report was published (of those known to the day): nothing held
        /// after it can be what these reports say took place.
        private(set) var latestPublished: CalendarDate?
        /// The earliest such day: with ``latestPublished``, how far apart its reports were published.
        private(set) var earliestPublished: CalendarDate?

        private mutating func count(_ candidate: Candidate) {
            if let published = candidate.published, latestPublished.map({ published > $0 }) ?? true { latestPublished = published }
            if let published = candidate.published, earliestPublished.map({ published < $0 }) ?? true { earliestPublished = published }
            let status = Self.statuses.firstIndex(of: candidate.status) ?? 0
            statusCounts[status] += 1
            lastReport[status] = members.count
            bestConfidence = max(bestConfidence, candidate.confidence)
            if EventLexicon.specificity(candidate.kind) > EventLexicon.specificity(mostSpecific) { mostSpecific = candidate.kind }
            if articleSet.insert(candidate.article).inserted { articleList.append(candidate.article) }
        }

        init(_ first: Candidate) {
            members = [first]
            mostSpecific = first.kind
            bestConfidence = first.confidence
            sentenceKeys = [first.copyKey]
            sentenceKeyHashes = [first.copyKey.hashValue]
            participants = first.participants
            participantSet = Set(first.participants)
            location = first.location
            date = first.date
            countries = first.countries
            affiliatedCountries = first.affiliatedCountries
            parties = first.parties.isEmpty ? Set(first.participants) : first.parties
            locationIsCountry = first.locationIsCountry
            locationCountry = first.locationCountry
            sidelines = first.sidelines
            count(first)
            settle()
        }

        mutating func append(_ candidate: Candidate) {
            members.append(candidate)
            count(candidate)
            if sentenceKeys.insert(candidate.copyKey).inserted { sentenceKeyHashes.insert(candidate.copyKey.hashValue) }
            countries.formUnion(candidate.countries)
            affiliatedCountries.formUnion(candidate.affiliatedCountries)
            parties.formUnion(candidate.parties.isEmpty ? Set(candidate.participants) : candidate.parties)
            if location == nil {
                locationIsCountry = candidate.locationIsCountry
                locationCountry = candidate.locationCountry
            }
            for id in candidate.participants where !participantSet.contains(id) {
                participants.append(id)
                participantSet.insert(id)
            }
            if location == nil { location = candidate.location }
            if let other = candidate.date, date == nil || other.precision.rank < (date?.precision.rank ?? 9) { date = other }
            settle()
        }

        /// The most specific kind any report gives; multilateral when three or more take part.
        /// Stored, kept as reports arrive (``settle()``): grouping reads it per comparison in place.
        public private(set) var kind: Event.Kind = .summit
        /// The status most reports give; a tie goes to the later report. Stored, as `kind` is.
        public private(set) var status: Event.Status = .held

        private mutating func settle() {
            kind = mostSpecific == .bilateralMeeting && parties.count >= 3 ? .multilateralMeeting : mostSpecific
            var best: Int?
            for candidate in statusCounts.indices where statusCounts[candidate] > 0 {
                if let current = best, statusCounts[current] > statusCounts[candidate]
                    || (statusCounts[current] == statusCounts[candidate] && lastReport[current] > lastReport[candidate]) { continue }
                best = candidate
            }
            status = best.map { Self.statuses[$0] } ?? .held
        }
        public var confidence: Double {
            (min(0.95, bestConfidence + 0.05 * Double(members.count - 1)) * 100).rounded() / 100
        }

        /// The reports say it took place, on a date after the last of them was published: the
        /// date or the status was misread ("met on Tuesday" resolved to the next Tuesday), so
        /// the group does not become an event of its own.
        public var heldAfterItsReports: Bool {
            guard status == .held, let date else { return false }
            return isAfterItsReports(date.date)
        }
        /// The distinct articles, in report order.
        public var articles: [String] { articleList }
    }

    let base: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.base = knowledgeBase
    }

    /// Every candidate in `article` (or in every article).
    public func candidates(inArticle articleID: String? = nil) -> [Candidate] {
        var found: [Candidate] = []
        NewsSentences(base: base).forEach(inArticle: articleID) { item in
            found += extract(item)
        }
        return found
    }

    /// The events a sentence reports: the one its own clauses name, and the one each aside
    /// names ("Zelensky, who held talks with Erdogan in Ankara on Tuesday, said the talks in
    /// Istanbul would go ahead": the Ankara talks and the Istanbul talks). Most sentences have
    /// no trigger at all, and most of the rest have one.
    func extract(_ item: NewsSentences.Item) -> [Candidate] {
        let words = item.tokens.map(\.text)
        // Read only once a trigger is found (most sentences have none).
        var found: Quotations?
        func quotations() -> Quotations {
            let quotations = found ?? Quotations(item.sentence.text)
            found = quotations
            return quotations
        }
        let asides = Self.asides(in: words, before: words.count)
        let outside = words.indices.filter { index in !asides.contains { $0.contains(index) } }
        var candidates: [Candidate] = []
        if let (trigger, trip) = self.trigger(among: outside, item, words, quotations),
           let candidate = candidate(item, words, trigger, trip: trip, quotations: quotations(), asides: asides) {
            candidates.append(candidate)
        }
        // An aside's own event, reported, not quoted, and not an occasion something is dated by.
        for aside in asides {
            guard let (trigger, trip) = self.trigger(among: aside, item, words, quotations),
                  !trigger.quoted, !trigger.anchor || candidates.isEmpty,
                  let candidate = candidate(item, words, trigger, trip: trip, quotations: quotations(), asides: asides, aside: aside) else { continue }
            candidates.append(candidate)
        }
        return candidates
    }

    /// The word or phrase that names an event (``EventLexicon/triggers``) and where it is.
    typealias Trigger = (kind: Event.Kind, phrase: String, index: Int, quoted: Bool, anchor: Bool)

    /// The trigger among the words at `positions`: the most specific kind they name (a summit over
    /// a meeting, talks over "host"), then the first; the longest phrase at each place. `trip`:
    /// the trigger is the gathering a trip is for, and the trip's destination is its place.
    func trigger<Positions: Sequence<Int>>(
        among positions: Positions, _ item: NewsSentences.Item, _ words: [String], _ quotations: () -> Quotations
    ) -> (Trigger, trip: Bool)? {
        let (sentence, mentions, tokens) = (item.sentence, item.mentions, item.tokens)
        var trigger: Trigger?
        var trip = false
        for index in positions {
            guard let lengths = EventLexicon.triggerLengths[words[index]] else { continue }
            // "if Russia attacks again": a condition, not a report of anything.
            if Self.isConditional(words, before: index) { continue }
            // "the so-called coalition", "a post-summit statement": the second half of a compound
            // modifier is not a trigger.
            if index >= 2, words[index - 1] == "-", tokens[index - 1].range.upperBound == tokens[index].range.lowerBound,
               tokens[index - 2].range.upperBound == tokens[index - 1].range.lowerBound {
                continue
            }
            for length in lengths where length <= words.count - index {
                let phrase = words[index..<index + length].joined(separator: " ")
                guard let kind = EventLexicon.triggers[phrase] else { continue }
                // "called the guarantees 'guarantees of danger'": a bare "call" is a phone call only
                // with a named callee or "with" after it ("Trump called Putin", "a call with Merz").
                if kind == .phoneCall, length == 1, index + 1 < words.count, !tokens[index + 1].capitalized,
                   !["with", "between", "on", "to", "from", "lasted"].contains(words[index + 1]) {
                    continue
                }
                // "spoke with Putin", not "spoke to reporters": a person or a country right after.
                if EventLexicon.speakingTo.contains(phrase),
                   !namesPartyAt(index + length, tokens: tokens, sentence: sentence, mentions: mentions) {
                    continue
                }
                // "Macron had called Putin 'a predator'", "called Putin a war criminal": naming.
                if kind == .phoneCall, length == 1, Self.namesAfterCallee(tokens, words, from: index + 1, in: sentence.text) { continue }
                // "a call for talks", "called on Russia to": not a phone call ("a call on Monday" is).
                // "a new round of sanctions", "the second round" of an election: a round is talks
                // only "of talks", held ("held a second round"), or where the sentence speaks of
                // talks or delegations.
                if phrase.hasSuffix(" round") {
                    let roundOf = index + length + 1 < words.count && words[index + length] == "of"
                    let held = words[max(0, index - 2)..<index].contains { EventLexicon.lightVerbs.contains($0) || ["held", "holds", "holding"].contains($0) }
                    if roundOf ? !EventLexicon.roundsOf.contains(words[index + length + 1])
                        : !held && !words.contains(where: EventLexicon.talksContext.contains) {
                        continue
                    }
                }
                // "expected in Kyiv": a place's name after it ("a decision is expected in the coming
                // days" is not a visit); "received by the Pope": a name before it, as a meeting's
                // other side ("the plan was received by Zelensky" is not one).
                if phrase == "expected in", !(index + length < words.count && tokens[index + length].capitalized) { continue }
                if phrase == "received by", !tokens[max(0, index - 4)..<index].contains(where: { $0.capitalized && $0.startsWithLetter }) || index < 4 && tokens[0].text == "the" {
                    continue
                }
                if kind == .phoneCall, index + length < words.count, EventLexicon.notEvents.contains(words[index + length]),
                   !(words[index + length] == "on" && index + length + 1 < words.count && Self.isDateWord(words[index + length + 1])) {
                    continue
                }
                // The reporter's own words over a quotation's, the sentence's event over one it
                // is dated by ("a meeting Trump promised to arrange after the White House summit"),
                // then the more specific kind.
                let quoted = quotations().contains(tokens[index].range.lowerBound)
                // "on the sidelines of the Munich Security Conference": where the meeting was, as
                // an occasion it is dated by is.
                let anchor = Self.isTimeAnchor(tokens, words, trigger: index) || Self.isSetting(tokens, words, trigger: index)
                if let current = trigger {
                    // A trip and the gathering it is for ("will travel to Washington on Monday to
                    // meet Trump"): the gathering is the event, the trip its way there.
                    let purpose = current.kind == .visit && Self.isGathering(kind) && current.quoted == quoted
                        && !anchor && Self.isPurpose(words, before: index)
                    let better = purpose || current.quoted && !quoted
                        || current.quoted == quoted && current.anchor && !anchor
                        || current.quoted == quoted && current.anchor == anchor
                            && EventLexicon.specificity(kind) > EventLexicon.specificity(current.kind)
                    if better { trigger = (kind, phrase, index, quoted, anchor) }
                    if purpose { trip = true }
                } else {
                    trigger = (kind, phrase, index, quoted, anchor)
                }
                break
            }
        }
        return trigger.map { ($0, trip) }
    }

    /// The candidate a trigger gives, from the names, place, date and tense of its part of the
    /// sentence; nil when too little is named. `asides`: the sentence's (``asides(in:before:)``
    /// over every word, read once per sentence); `aside`: the trigger is that aside's, and its
    /// date is the aside's own.
    func candidate(
        _ item: NewsSentences.Item, _ words: [String], _ trigger: Trigger, trip: Bool, quotations: Quotations,
        asides allAsides: [Range<Int>], aside: Range<Int>? = nil
    ) -> Candidate? {
        let (sentence, paragraph, article, mentions, resolver, tokens) = (item.sentence, item.paragraph, item.article, item.mentions, item.resolver, item.tokens)
        // A quotation the trigger is outside of is the speaker's: its names, dates, "will" and
        // "ready" are not the frame's ("'… let him come to Moscow,' Putin told a press conference").
        // So is an "if" clause the trigger is outside of ("if the Monday meeting goes well, a
        // three-way meeting could follow": Monday is not the three-way meeting's date).
        let conditions = Self.conditionalClauses(words).filter { !$0.contains(trigger.index) }
        let frameOnly = !quotations.isEmpty && !trigger.quoted || !conditions.isEmpty
        let frameTokens = !frameOnly ? tokens : tokens.indices.map { index in
            let token = tokens[index]
            let quoted = !trigger.quoted && quotations.contains(token.range.lowerBound)
            return quoted || conditions.contains { $0.contains(index) } ? token.blanked : token
        }
        // Participants and location from the mentions inside the sentence.
        var participants: [String] = []
        var location: String?
        let scalars = sentence.text.scalarArray
        // Only the trigger's clause takes part ("Zelensky was not invited, but Trump and Putin met").
        var clause = Self.clause(around: trigger.index, in: words)
        // A trigger inside an aside ("Zelensky, who held talks with Erdogan in Ankara on Tuesday,
        // said …"): the aside and the one it describes are the event's, the rest of the sentence is not.
        let enclosing = allAsides.first { $0.contains(trigger.index) }
        if let enclosing { clause = clause.lowerBound..<min(clause.upperBound, enclosing.upperBound) }
        let text = sentence.text.unicodeScalars
        var clauseStart = clause.lowerBound == 0 ? 0 : text.distance(from: text.startIndex, to: tokens[clause.lowerBound].range.lowerBound)
        // An aside's own event: the aside and the one name right before it ("Macron, who met
        // Zelensky in Paris, and Merz, who met him in Berlin": Merz, not Macron, met in Berlin).
        if let enclosing, aside != nil {
            let opening = text.distance(from: text.startIndex, to: tokens[enclosing.lowerBound].range.lowerBound)
            let described = mentions.last { $0.start >= sentence.start && $0.end - sentence.start <= opening }
            clauseStart = max(clauseStart, described.map { $0.start - sentence.start } ?? opening)
        }
        let clauseEnd = clause.upperBound == words.count ? scalars.count
            : text.distance(from: text.startIndex, to: tokens[clause.upperBound].range.lowerBound)
        // Nor does an aside before the trigger (``asides(in:before:)``).
        let asides = Self.asides(in: words, before: trigger.index).filter { $0 != enclosing }.map { aside in
            text.distance(from: text.startIndex, to: tokens[aside.lowerBound].range.lowerBound)
                ..< text.distance(from: text.startIndex, to: tokens[aside.upperBound - 1].range.upperBound)
        }
        for mention in mentions where mention.start >= sentence.start && mention.end <= sentence.end
            && mention.start - sentence.start >= clauseStart && mention.end - sentence.start <= clauseEnd
            && !asides.contains(where: { $0.contains(mention.start - sentence.start) }) {
            guard let entity = base.entity(id: mention.entity),
                  !Self.isCredit(start: mention.start - sentence.start, end: mention.end - sentence.start, in: scalars),
                  trigger.quoted || !quotations.contains(scalarOffset: mention.start - sentence.start) else { continue }
            let before = Self.wordBefore(offset: mention.start - sentence.start, in: scalars)
            let after = Self.wordAfter(offset: mention.end - sentence.start, in: scalars)
            // "the war in Ukraine", "peace in Europe": where the war is, neither where they meet
            // nor who meets.
            if before == "in", trigger.kind != .attack, entity.kind == .place || entity.kind == .country,
               EventLexicon.notVenues.contains(Self.wordBefore(offset: mention.start - sentence.start - 3, in: scalars)) {
                continue
            }
            let placeWord = before == "in" || before == "at" || ((trigger.kind == .visit || trip) && (before == "visited" || before == "visit" || before == "to"))
                // "the Alaska summit": a place naming the gathering it comes before (not "a
                // session on the Kyiv strike": the strike is another kind of event).
                || (entity.kind == .place && EventLexicon.triggers[after].map { Self.compatible($0, trigger.kind) } == true)
            if (entity.kind == .place || entity.kind == .country), placeWord {
                if location == nil { location = entity.id }
                continue
            }
            // "in Davos, Switzerland", "at Kyiv, Ukraine": the place's country, not a party.
            if entity.kind == .place || entity.kind == .country, Self.isPlaceTail(start: mention.start - sentence.start, end: mention.end - sentence.start, in: scalars) {
                if location == nil { location = entity.id }
                continue
            }
            // "on the sidelines of the UN General Assembly": the gathering beside, not a party.
            if entity.kind == .organisation, Self.followsSidelines(start: mention.start - sentence.start, in: scalars) { continue }
            // "Trump's envoys", "Putin's aide Ushakov": the one they act for is not there.
            if entity.kind == .person, Self.isPossessiveOfAgent(end: mention.end - sentence.start, in: scalars) { continue }
            // The one who reports ("Ushakov said …") is a source, not a participant; except at a
            // press conference, which the speaker gives ("Starmer told a press conference").
            if entity.kind == .person || entity.kind == .organisation, trigger.kind != .pressConference,
               Self.isSource(after: after, offset: mention.end - sentence.start, in: scalars) { continue }
            // "according to Ukrainska Pravda": an outlet or source, not a participant.
            if before == "to", Self.wordBefore(offset: mention.start - sentence.start - 3, in: scalars) == "according" { continue }
            // A news outlet reports or interviews ("told Fox News"): never a participant.
            if entity.actsForItself, !participants.contains(entity.id) {
                participants.append(entity.id)
            }
        }
        // The date is the trigger's part's: an aside's own, and for the sentence's event, not an aside's.
        let otherAsides = allAsides.filter { $0 != enclosing }
        let dateTokens = aside == nil && otherAsides.isEmpty ? frameTokens : frameTokens.indices.map { index in
            let outside = aside.map { !$0.contains(index) } ?? otherAsides.contains { $0.contains(index) }
            return outside ? frameTokens[index].blanked : frameTokens[index]
        }
        let (date, dateNotes) = Self.date(resolver.matches(in: sentence.text, tokens: dateTokens), in: sentence.text)
        // One participant alone is an event only with a place or a date to hold it.
        // None at all ("leaders met in Paris on Thursday") needs both a place and a date.
        guard participants.count >= 2 || (!participants.isEmpty && (location != nil || date != nil))
            || (location != nil && date != nil) else { return nil }
        // Each participant's entity read once: the countries among them, the countries of the
        // others (Putin → Russia), and the sides: a person or body stands for its country ("Trump
        // and Zelensky, the US and Ukraine" are two), so a meeting of two leaders and their
        // countries stays bilateral.
        var countries: Set<String> = [], affiliated: Set<String> = [], parties: Set<String> = []
        for id in participants {
            let entity = base.entity(id: id)
            if entity?.kind == .country {
                countries.insert(id)
                parties.insert(id)
            } else if let country = entity?.country {
                affiliated.insert(country)
                parties.insert(country)
            } else {
                parties.insert(id)
            }
        }
        var kind = trigger.kind
        if kind == .bilateralMeeting && parties.count >= 3 { kind = .multilateralMeeting }
        // A bare "session" is the United Nations' only when one of its bodies is named: "an
        // extremely productive session" of two leaders is their talks.
        if kind == .unSession, trigger.phrase == "session", !participants.contains(where: EventLexicon.isUnitedNationsBody) { kind = .talks }
        var statusWords = frameOnly ? frameTokens.map(\.text) : words
        if let enclosing { statusWords = Array(statusWords[..<enclosing.upperBound]) }
        // "took place in Istanbul on May 16": the month, not the modal of a possibility.
        if words.contains("may") {
            for index in statusWords.indices.dropFirst() where statusWords[index] == "may" && tokens[index].capitalized {
                statusWords[index] = ""
            }
        }
        let status = Self.status(words: statusWords, trigger: trigger.phrase, at: trigger.index, date: date, published: article.published,
                                 after: Self.isAfter(tokens, words, trigger: trigger.index))
        // "the talks", "this meeting": a gathering the article has already named.
        let definite = trigger.index > 0 && ["the", "this", "that", "these"].contains(words[trigger.index - 1])
        var confidence = 0.5
        if date != nil { confidence += 0.15 }
        if location != nil { confidence += 0.1 }
        if participants.count >= 2 { confidence += 0.1 }
        let place = location.flatMap { base.entity(id: $0) }
        return Candidate(
            kind: kind, status: status, participants: participants, location: location, date: date,
            article: article.id, paragraph: paragraph.index, quote: sentence.text, start: sentence.start, end: sentence.end,
            rule: "trigger:" + trigger.phrase, confidence: (confidence * 100).rounded() / 100, notes: dateNotes,
            countries: countries, affiliatedCountries: affiliated, parties: parties, locationIsCountry: place?.kind == .country,
            locationCountry: place?.venueCountry, definite: definite,
            sidelines: Self.metOnTheSidelines(words),
            // An aside's event is told apart from the sentence's in grouping (the same sentence again
            // is otherwise the same event); a copy of the sentence gives the same key again.
            // By the aside's place in the sentence: two asides with one trigger are two events.
            copyKey: Self.sentenceKey(sentence.text) + (aside.map { "\u{1}\($0.lowerBound)" } ?? ""),
            published: article.published.flatMap { $0.precision == .day ? $0.date : nil }
        )
    }

    /// The sentence's first date. A weekday written beside a calendar date it contradicts
    /// ("Thursday, August 4", when 4 August was a Monday) is a conflict, kept as a note: the
    /// written date is used when the weekday, read against the publication date, falls within six
    /// days of it, else the weekday's.
    static func date(_ matches: [TemporalResolver.TemporalMatch], in sentence: String) -> (DatePoint?, [String]) {
        var dated = matches.filter { $0.date != nil }
        // "Zelensky said on Saturday that he would travel on Monday": the date a speech verb
        // carries is when it was said; another date in the sentence is the event's.
        if dated.count > 1 {
            let spoken = dated.map { isStatementDate($0, in: sentence) }
            if spoken.contains(true), spoken.contains(false) { dated = zip(dated, spoken).filter { !$1 }.map(\.0) }
        }
        guard let first = dated.first, let firstDate = first.date else { return (nil, []) }
        guard dated.count > 1, let secondDate = dated[1].date, !datesAgree(firstDate, secondDate) else { return (firstDate, []) }
        let gap = sentence[dated[0].range.upperBound..<dated[1].range.lowerBound]
        guard gap.allSatisfy({ $0 == " " || $0 == "," }), (dated[0].rule == "weekday") != (dated[1].rule == "weekday") else {
            return (firstDate, [])
        }
        let (weekday, calendar) = dated[0].rule == "weekday" ? (dated[0], dated[1]) : (dated[1], dated[0])
        let conflict = "date conflict: '\(weekday.text)' (\(weekday.date?.iso ?? "")) and '\(calendar.text)' (\(calendar.date?.iso ?? "")) "
            + "disagree in one sentence; "
        // In the same week ("Tuesday, February 18" when the 18th is a Wednesday) the written day
        // is the more specific and the weekday the slip; further apart ("Thursday, August 4" in
        // September), the written month or day is, and the weekday gives the week the story means.
        guard let weekdayDate = weekday.date, let calendarDate = calendar.date,
              abs(weekdayDate.date.dayNumber - calendarDate.date.dayNumber) > 6 else {
            return (calendar.date, [conflict + "the written date is used (the two are less than a week apart)"])
        }
        return (weekdayDate, [conflict + "the weekday, read against the publication date, is used"])
    }

    /// A date right after a verb of speech, with "on" between or not ("said on Saturday",
    /// "told reporters Friday" is not read: only the verb itself counts).
    static func isStatementDate(_ match: TemporalResolver.TemporalMatch, in sentence: String) -> Bool {
        let utf8 = sentence.utf8
        var cursor = match.range.lowerBound
        /// The ASCII word ending before `cursor` (lowercased), moving `cursor` to its start.
        func previousWord() -> String {
            while cursor > utf8.startIndex, utf8[utf8.index(before: cursor)] == UInt8(ascii: " ") { cursor = utf8.index(before: cursor) }
            var bytes: [UInt8] = []
            while cursor > utf8.startIndex, bytes.count < 12 {
                let byte = utf8[utf8.index(before: cursor)]
                guard (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else { break }
                bytes.append(byte | 0x20)
                cursor = utf8.index(before: cursor)
            }
            return String(decoding: bytes.reversed(), as: UTF8.self)
        }
        let last = previousWord()
        if EventLexicon.speech.contains(last) { return true }
        return last == "on" && EventLexicon.speech.contains(previousWord())
    }

    /// Negation first, then modality, then tense, then the trigger's own form.
    /// `after`: the trigger is the occasion the sentence is dated after ("said after a phone call
    /// with Putin on Monday").
    static func status(words sentence: [String], trigger: String, at index: Int, date: DatePoint?, published: DatePoint?,
                       after: Bool = false) -> Event.Status {
        // The words of the trigger's clause: "met in Alaska, but said a deal could follow" is held.
        let clause = Self.clause(around: index, in: sentence)
        var words = Array(sentence[clause])
        var index = index - clause.lowerBound
        // Nor are an aside's before the trigger: "Zelenskyy, who will not be in Alaska, travelled
        // to London on Thursday" is held.
        for aside in Self.asides(in: words, before: index).reversed() {
            words.removeSubrange(aside)
            index -= aside.count
        }
        // Each word hashed once for the tables below.
        let keys = words.map(WordKey.init)
        // The word pairs read below, found in one pass by the second word (most sentences have
        // neither "off" nor "early"): "called off"; "too early", "too soon".
        var calledOff = false, tooEarly = false
        for position in words.indices.dropFirst() {
            switch words[position] {
            case "off": calledOff = calledOff || EventLexicon.callOff.contains(words[position - 1])
            case "early", "soon": tooEarly = tooEarly || words[position - 1] == "too"
            default: continue
            }
        }
        // Called off, cancelled, postponed: it was arranged and is no longer.
        if calledOff || keys.contains(where: EventLexicon.cancellation.contains) { return .cancelled }
        if keys.contains(where: EventLexicon.rejection.contains) { return .rejected }
        // "too early to talk about a date for a meeting": not arranged, nor yet refused.
        // ("too early to judge Friday's summit" is of a dated one: left to the rules below.)
        if date == nil, tooEarly { return .proposed }
        // Negated: "not ready", "no plans", "no agreement on a meeting", "won't meet", "not yet willing".
        for position in keys.indices where position + 1 < keys.count && StanceLexicon.negators.contains(keys[position]) {
            var next = position + 1
            if EventLexicon.negationAdverbs.contains(keys[next]), next + 1 < keys.count { next += 1 }
            if EventLexicon.proposal.contains(keys[next]) || startsTrigger(words, keys[next], at: next) { return .rejected }
            // "no plans to meet", "no agreement on a meeting", "no date yet": denied; "a summit,
            // which produced no agreement" is its outcome (nothing about an event follows it).
            if EventLexicon.negatedObjects.contains(keys[next]),
               next < index || next + 1 < words.count && EventLexicon.negatedObjectLinks.contains(keys[next + 1]) {
                return .rejected
            }
        }
        // "a call for talks", "called for a summit", "called on Putin to meet": asked for, not
        // arranged; so are "asked for a meeting" and "requested talks" ("asked for comment" asks
        // for none). One pass, each word read in place (a copy per word was a retain of each of
        // its strings).
        for position in keys.indices where position + 1 < words.count {
            if EventLexicon.calls.contains(keys[position]) {
                if words[position + 1] == "for" { return .proposed }
                if words[position + 1] == "on", position + 2 < words.count, !words[position + 2].isEmpty, !isDateWord(words[position + 2]) { return .proposed }
            } else if EventLexicon.requests.contains(keys[position]) {
                if words[position + 1] == "for", position + 2 < words.count, words[position + 2] != "comment" { return .proposed }
                // "requested an emergency meeting": the trigger within a few words after the verb.
                if words[position].hasPrefix("request"), position < index, index - position <= 4 { return .proposed }
            }
        }
        // "agreed to meet", "wants to hold talks": an infinitive says what was arranged or asked
        // for, not that it took place, whatever the tense of the verb before it.
        if let governing = infinitiveGovernor(words, trigger: index) {
            if EventLexicon.arranging.contains(governing) { return .scheduled }
            if EventLexicon.asking.contains(governing) { return .proposed }
        }
        // "chaired a video call of the coalition, countries that said they would help": taking
        // part, in the past, says it took place, whatever a later clause says.
        if tookPart(words, trigger: index) { return .held }
        let tense = TemporalResolver.Tense.of(words: words[...], nearestTo: index)
        // "Putin, speaking at a news conference on Thursday, said the plan could …", "Trump said
        // after a phone call with Putin on Monday that talks would …": what a past statement was
        // made at or after took place, whatever the statement says might follow.
        if tense != .future, after || spokeAt(words, trigger: index), date.map({ d in published.map { d.date <= $0.date } ?? true }) ?? true {
            return .held
        }
        // "he could see a Moscow meeting happening": a possibility, not an arrangement.
        if tense == .future, let modal = nearestTenseMarker(words, before: index), EventLexicon.possibility.contains(modal) {
            return .proposed
        }
        if tense == .future { return .scheduled }
        // "Ushakov said Rubio and Lavrov would speak by phone", "Witkoff would meet Dmitriev in Abu
        // Dhabi, Ushakov said", "said talks would be held": reported speech puts "will" back to "would"; what was announced is
        // arranged, unless something else in the clause makes it an offer or a hope.
        let wouldNear = nearestTenseMarker(words, before: index) == "would"
            || words[(index + 1)..<min(words.count, index + 5)].first(where: { TemporalLexicon.tenseMarkers[$0] != nil }) == "would"
        // Not "would not take place", "would be premature": a denial or a judgement.
        if wouldNear, keys.contains(where: EventLexicon.speech.contains), !keys.contains(where: StanceLexicon.negators.contains),
           !keys.contains(where: EventLexicon.judgements.contains),
           !keys.contains(where: { EventLexicon.proposal.contains($0) && $0.word != "would" }) {
            return .scheduled
        }
        if keys.contains(where: EventLexicon.proposal.contains) { return .proposed }
        if tense == .past || EventLexicon.pastForms.contains(trigger) { return .held }
        if let date, let published { return date.date > published.date ? .scheduled : .held }
        return .held
    }

    /// The word positions of the clause around `index`: clauses are joined by a comma and a
    /// contrasting conjunction ("…, but …", "…, while …"); the status words of one are not the
    /// other's.
    static func clause(around index: Int, in words: [String]) -> Range<Int> {
        var start = index
        while start > 0, !isClauseJoint(words, at: start - 1) { start -= 1 }
        var end = index + 1
        while end < words.count, !isClauseJoint(words, at: end) { end += 1 }
        // Without the comma before the joint.
        return start..<(end < words.count ? end - 1 : end)
    }

    /// Whether a contrasting clause starts at `position`: a comma, then "but", "while", …
    static func isClauseJoint(_ words: [String], at position: Int) -> Bool {
        position > 0 && words[position - 1] == "," && EventLexicon.clauseJoints.contains(words[position])
    }

    /// The word ranges of the asides ", who … ," and ", which … ," (with their commas) that end
    /// before the trigger at `index`: "Zelenskyy, who will not be in Alaska, travelled to London"
    /// neither goes to Alaska nor will travel. One after it is kept: "a summit, which Putin
    /// rejected" is rejected.
    static func asides(in words: [String], before index: Int) -> [Range<Int>] {
        var asides: [Range<Int>] = []
        var position = 0
        while position + 1 < index {
            if words[position] == ",", EventLexicon.asideStarts.contains(words[position + 1]),
               let close = words[(position + 2)..<index].firstIndex(of: ",") {
                asides.append(position..<close + 1)
                position = close + 1
            } else {
                position += 1
            }
        }
        return asides
    }

    /// Whether a trigger phrase ("meeting", "telephone conversation") starts at `position`:
    /// "no telephone conversation" is denied like "no meeting".
    /// `key` is the word at `position`, hashed; a one-word trigger needs no other lookup.
    static func startsTrigger(_ words: [String], _ key: WordKey, at position: Int) -> Bool {
        guard let lengths = EventLexicon.triggerLengths[key] else { return false }
        return lengths.contains { length in
            length == 1 || position + length <= words.count
                && EventLexicon.triggers[words[position..<position + length].joined(separator: " ")] != nil
        }
    }

    /// The word before "to" when the trigger at `index` is an infinitive ("agreed to meet",
    /// "ready to hold talks", "wants to host a summit"), else nil.
    static func infinitiveGovernor(_ words: [String], trigger index: Int) -> String? {
        var cursor = index - 1
        // "to hold talks", "to host a summit", "to attend the summit": a verb and an article
        // between; "to take part in a video call": a kind before the trigger, and the verb's words.
        if cursor >= 1, ["a", "an", "the"].contains(words[cursor - 1]), !["a", "an", "the"].contains(words[cursor]) { cursor -= 1 }
        if cursor >= 0, ["a", "an", "the"].contains(words[cursor]) { cursor -= 1 }
        if cursor >= 2, words[cursor] == "in", words[cursor - 1] == "part", words[cursor - 2] == "take" {
            cursor -= 2
        } else if cursor >= 1, words[cursor] == "in", words[cursor - 1] == "participate" {
            cursor -= 1
        }
        if cursor >= 0, EventLexicon.lightVerbs.contains(words[cursor]) || words[cursor] == "take" || words[cursor] == "participate" {
            cursor -= 1
        }
        guard cursor >= 1, words[cursor] == "to" else { return nil }
        return words[cursor - 1]
    }

    /// A verb of taking part in the past governs the trigger at `index`, with at most three
    /// words between them and not denied: "chaired a video call", "attended the Paris session",
    /// "after taking part in a video call".
    static func tookPart(_ words: [String], trigger index: Int) -> Bool {
        var position = index - 1
        while position >= 0, index - position <= 4, words[position] != "," {
            // Where the verb is: "chaired", "participated in", "took part in".
            var verb: Int?
            if EventLexicon.participation.contains(words[position]) {
                verb = position
            } else if words[position] == "in", position >= 1, EventLexicon.participation.contains(words[position - 1]) {
                verb = position - 1
            } else if words[position] == "in", position >= 2, words[position - 1] == "part",
                      words[position - 2] == "took" || words[position - 2] == "taking" {
                verb = position - 2
            }
            if let verb { return verb == 0 || !StanceLexicon.negators.contains(words[verb - 1]) }
            position -= 1
        }
        return false
    }

    /// The trigger at `index` is an infinitive of purpose: "to meet", "to hold talks", "to attend
    /// the summit", "to join a meeting".
    static func isPurpose(_ words: [String], before index: Int) -> Bool {
        var cursor = index - 1
        if cursor >= 0, words[cursor] == "a" || words[cursor] == "the" { cursor -= 1 }
        if cursor >= 0, words[cursor] == "hold" || words[cursor] == "attend" || words[cursor] == "join" {
            cursor -= 1
        } else if cursor < index - 1 {
            return false  // "travel to the meeting": where to, not what for
        }
        return cursor >= 0 && words[cursor] == "to"
    }

    /// The trigger at `index` names an occasion the sentence is dated by: "after", "before",
    /// "since", "following", "until" or "ahead of" before it, past an article or possessive and
    /// capitalised words ("after the White House summit", "ahead of Friday's talks").
    static func isTimeAnchor(_ tokens: [TemporalTokens.Token], _ words: [String], trigger index: Int) -> Bool {
        anchorPreposition(tokens, words, trigger: index) != nil
    }

    /// The word that makes the trigger at `index` a time anchor ("after", "since", "ahead of" as
    /// "ahead"), or nil; past an article or possessive, capitalised words and hyphenated words
    /// ("after a two-hour", "after the long-awaited").
    static func anchorPreposition(_ tokens: [TemporalTokens.Token], _ words: [String], trigger index: Int) -> String? {
        var cursor = index - 1
        // A hyphenated modifier's parts too ("two-hour", "long-awaited").
        func hyphenated(_ position: Int) -> Bool {
            words[position].contains("-") || position + 1 < index && words[position + 1] == "-" || position > 0 && words[position - 1] == "-"
        }
        while cursor >= 0, tokens[cursor].capitalized || EventLexicon.anchorDeterminers.contains(words[cursor]) || hyphenated(cursor) {
            cursor -= 1
        }
        guard cursor >= 0 else { return nil }
        if EventLexicon.anchorPrepositions.contains(words[cursor]) { return words[cursor] }
        return words[cursor] == "of" && cursor >= 1 && words[cursor - 1] == "ahead" ? "ahead" : nil
    }

    /// A mention of a person or a country (not a news outlet) starts at the token at `index`, or
    /// after a courtesy title there ("spoke to Mr Trump").
    func namesPartyAt(_ index: Int, tokens: [TemporalTokens.Token], sentence: Sentences.Sentence, mentions: [Mention]) -> Bool {
        guard index < tokens.count else { return false }
        let text = sentence.text.unicodeScalars
        var starts = [index]
        if index + 1 < tokens.count, ["mr", "mrs", "ms", "dr", "president"].contains(tokens[index].text.lowercased()) { starts.append(index + 1) }
        let offsets = Set(starts.map { sentence.start + text.distance(from: text.startIndex, to: tokens[$0].range.lowerBound) })
        return mentions.contains { mention in
            offsets.contains(mention.start)
                && base.entity(id: mention.entity).map { ($0.kind == .person || $0.kind == .country) && !$0.isNewsOutlet } == true
        }
    }

    /// The sentence places a meeting beside a larger gathering: "on the sidelines of the summit",
    /// "held talks on the sidelines on Monday"; not the idiom "left on the sidelines".
    static func metOnTheSidelines(_ words: [String]) -> Bool {
        for position in words.indices where words[position] == "sidelines" || words[position] == "margins" {
            if position + 1 < words.count, words[position + 1] == "of" { return true }
            guard position >= 2, words[position - 1] == "the", words[position - 2] == "on" else { continue }
            if position >= 3, EventLexicon.leftAside.contains(words[position - 3]) { continue }
            return true
        }
        return false
    }

    /// The name starting at `start` comes right after "sidelines of" or "margins of" (an article between).
    static func followsSidelines(start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var offset = start
        var word = wordBefore(offset: offset, in: scalars)
        if word == "the" {
            offset -= 4
            word = wordBefore(offset: offset, in: scalars)
        }
        guard word == "of" else { return false }
        let before = wordBefore(offset: offset - 3, in: scalars)
        return before == "sidelines" || before == "margins"
    }

    /// The trigger at `index` names the gathering a meeting was held beside: "on the sidelines
    /// of" or "on the margins of" before it, past what ``anchorPreposition(_:_:trigger:)`` passes.
    static func isSetting(_ tokens: [TemporalTokens.Token], _ words: [String], trigger index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, tokens[cursor].capitalized || EventLexicon.anchorDeterminers.contains(words[cursor]) || words[cursor] == "'s" {
            cursor -= 1
        }
        return cursor >= 1 && words[cursor] == "of" && (words[cursor - 1] == "sidelines" || words[cursor - 1] == "margins")
    }

    /// The trigger at `index` is what something came after: "after" or "following" before it, past
    /// what ``anchorPreposition(_:_:trigger:)`` passes and one modifier ("after a two-hour phone
    /// call", "following an emergency meeting").
    static func isAfter(_ tokens: [TemporalTokens.Token], _ words: [String], trigger index: Int) -> Bool {
        // The modifier is skipped only after an article or a hyphenated word ("a phone call",
        // "a two-hour phone call"), not after a name ("after Trump offered talks").
        let modifier = index >= 2 && (EventLexicon.anchorDeterminers.contains(words[index - 2]) || words[index - 2] == "-"
            || index >= 3 && words[index - 3] == "-")
        for start in modifier ? [index, index - 1] : [index] where start > 0 {
            let anchor = anchorPreposition(tokens, words, trigger: start)
            if anchor == "after" || anchor == "following" { return true }
        }
        return false
    }

    /// The trigger at `index` is where someone spoke, within three words of the verb: "speaking
    /// at a news conference", "addressing the summit", "spoke at the meeting".
    static func spokeAt(_ words: [String], trigger index: Int) -> Bool {
        for position in stride(from: index - 1, through: max(0, index - 4), by: -1) {
            if EventLexicon.speakingAt.contains(words[position]) { return true }
            guard ["at", "to", "a", "an", "the", "his", "her", "their", "its", "news", "press", "annual", "joint"].contains(words[position]) else {
                return false
            }
        }
        return false
    }

    /// The tense marker nearest before `index`, within the 12 words ``TemporalResolver/Tense`` reads.
    static func nearestTenseMarker(_ words: [String], before index: Int) -> String? {
        for position in stride(from: index - 1, through: max(0, index - 12), by: -1)
        where TemporalLexicon.tenseMarkers[words[position]] != nil {
            return words[position]
        }
        return nil
    }

    /// After "called" and a capitalised name, an article, a possessive or a quotation: the name is
    /// being called something, not phoned.
    static func namesAfterCallee(_ tokens: [TemporalTokens.Token], _ words: [String], from start: Int, in sentence: String) -> Bool {
        // "a view experts called \"Cold War thinking\"": a quotation right after "called".
        if start > 0, start <= tokens.count, Self.quotationFollows(tokens[start - 1], in: sentence) { return true }
        var cursor = start
        while cursor < tokens.count, tokens[cursor].capitalized { cursor += 1 }
        guard cursor > start, cursor <= tokens.count else { return false }
        if cursor < words.count, ["a", "an", "the", "his", "her", "their", "its"].contains(words[cursor]) { return true }
        // A quotation mark right after the name.
        return quotationFollows(tokens[cursor - 1], in: sentence)
    }

    /// An opening quotation mark after `token`, past spaces and a comma.
    static func quotationFollows(_ token: TemporalTokens.Token, in sentence: String) -> Bool {
        var after = sentence[token.range.upperBound...].drop { $0 == " " }
        if after.first == "," { after = after.dropFirst().drop { $0 == " " } }
        return after.first.map { "\"\u{201C}\u{2018}'".contains($0) } ?? false
    }

    /// A weekday, a month or a day number: what "on" introduces in "a call on Monday".
    static func isDateWord(_ word: String) -> Bool {
        TemporalLexicon.weekdays[word] != nil || TemporalLexicon.months[word] != nil || word.first?.isNumber == true
    }

    /// A mention in parentheses is a credit ("PARIS (Reuters) -", "BERLIN, Sept 3 (dpa)"), not a
    /// participant or an actor.
    static func isCredit(start: Int, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        start > 0 && end < scalars.count && scalars[start - 1] == "(" && scalars[end] == ")"
    }

    /// The name at `start..<end` follows ", " after a capitalised place after "in" or "at", and a
    /// comma or the sentence's end follows it ("in Davos, Switzerland, on Thursday"): it says where
    /// that place is ("In February, Russia and the US met" names no place before Russia).
    static func isPlaceTail(start: Int, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard start >= 2, scalars[start - 1] == " ", scalars[start - 2] == ",",
              end >= scalars.count || [",", ".", ";", ")"].contains(scalars[end]) else { return false }
        var cursor = start - 2
        // One or two capitalised words ("in Davos", "in New York").
        for word in 0..<2 {
            let end = cursor
            while cursor > 0, WordScalar.isAlphabetic(scalars[cursor - 1]) || scalars[cursor - 1] == "." { cursor -= 1 }
            guard cursor < end, WordScalar.isUppercase(scalars[cursor]) else { return false }
            let preposition = wordBefore(offset: cursor, in: scalars)
            if preposition == "in" || preposition == "at" { return true }
            guard word == 0, cursor > 0, scalars[cursor - 1] == " " else { return false }
            cursor -= 1
        }
        return false
    }

    /// The name ending at `end` is a possessive ("Trump's", "Putin’s") of someone who acts for
    /// them ("envoys", "special envoy", "aide", ``EventLexicon/agents``).
    static func isPossessiveOfAgent(end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard end + 1 < scalars.count, scalars[end] == "'" || scalars[end] == "\u{2019}", scalars[end + 1] == "s",
              end + 2 == scalars.count || !WordScalar.isAlphabetic(scalars[end + 2]) else { return false }
        return EventLexicon.agents.contains(wordAfter(offset: end + 2, in: scalars))
    }

    /// The lowercased word that ends just before `offset` (code points) in `text`.
    static func wordBefore(offset: Int, in scalars: [Unicode.Scalar]) -> String {
        var end = max(0, min(offset, scalars.count))
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, WordScalar.isAlphabetic(scalars[start - 1]) { start -= 1 }
        return ShadowText.makeString(scalars[start..<end]).lowercased()
    }

    /// Whether the name ending at `offset` is the one who reports, not one who takes part: a
    /// verb of speech or sourcing follows (`after` is the next word), with up to two auxiliaries
    /// or adverbs between ("Rubio also said", "Peskov has repeatedly said"), and what is said is
    /// not about the speaker ("Trump said he would meet Putin", "said that if …, he would": he
    /// takes part).
    static func isSource(after: String, offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var word = after
        var cursor = offset
        /// The word after the one just read, moving `cursor` past it.
        func next() -> String {
            while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "," { cursor += 1 }
            while cursor < scalars.count, WordScalar.isAlphabetic(scalars[cursor]) { cursor += 1 }
            return wordAfter(offset: cursor, in: scalars)
        }
        /// The word after `position` (spaces and commas skipped) starts with a capital.
        func startsCapitalised(at position: Int) -> Bool {
            var index = position
            while index < scalars.count, scalars[index] == " " || scalars[index] == "," { index += 1 }
            return index < scalars.count && WordScalar.isUppercase(scalars[index])
        }
        for _ in 0..<3 {
            if EventLexicon.sourcing.contains(word) { return true }
            if EventLexicon.speech.contains(word) {
                var said = next()
                // "told Example News that he …", "told reporters he …": past whom it was told.
                if word == "told" {
                    for _ in 0..<4 where EventLexicon.addressees.contains(said) || startsCapitalised(at: cursor) { said = next() }
                }
                if said == "that" { said = next() }
                // "said that if Monday's meeting goes well, he will": past the clause.
                if ["if", "once", "when", "unless"].contains(said), let comma = scalars[cursor...].firstIndex(of: ",") {
                    said = wordAfter(offset: comma + 1, in: scalars)
                }
                return !EventLexicon.selfReference.contains(said)
            }
            guard EventLexicon.beforeSpeech.contains(word) else { return false }
            word = next()
        }
        return false
    }

    /// The lowercased word that starts just after `offset` (code points) in `text`.
    static func wordAfter(offset: Int, in scalars: [Unicode.Scalar]) -> String {
        var start = min(offset, scalars.count)
        while start < scalars.count, scalars[start] == " " || scalars[start] == "," { start += 1 }
        var end = start
        while end < scalars.count, WordScalar.isAlphabetic(scalars[end]) { end += 1 }
        return ShadowText.makeString(scalars[start..<end]).lowercased()
    }

    // MARK: grouping

    static let recentGroupsPerKey = 64

    /// Groups candidates that report one event, in first-report order. Only groups that share a
    /// participant or the location with a candidate are compared with it (an index by both), so
    /// grouping stays near-linear in the number of candidates.
    public static func group(_ candidates: [Candidate]) -> [Group] {
        var grouping = Grouping()
        for candidate in candidates { grouping.add(candidate) }
        return grouping.groups
    }

    /// ``group(_:)`` one candidate at a time, in report order: the load groups an article's
    /// candidates as soon as they are extracted, beside the extraction of the next ones.
    public struct Grouping {
        public private(set) var groups: [Group] = []
        private var byKey: [String: [Int]] = [:]
        private var lastDated: (Int, String)?

        public init() {}

        public mutating func add(_ candidate: Candidate) {
            let keyHash = candidate.copyKey.hashValue
            let keys = candidate.participants + (candidate.location.map { ["@" + $0] } ?? [])
            var seen: Set<Int> = []
            var target: Int?
            // "the talks" without a date of its own: the article's latest dated gathering it can be.
            // Groups are read in place through a buffer (see ``reportSame(_:_:_:keyHash:)``).
            groups.withUnsafeBufferPointer { groups in
                if candidate.definite, candidate.date == nil, let (index, article) = self.lastDated, article == candidate.article,
                   compatible(groups[index].kind, candidate.kind) {
                    target = index
                }
                for key in keys where target == nil {
                    // The most recent groups under each key: reports of one event come close together,
                    // and a bound keeps a corpus where every report names Ukraine near-linear.
                    for index in (self.byKey[key] ?? []).suffix(EventExtractor.recentGroupsPerKey).reversed() where seen.insert(index).inserted {
                        if reportSame(groups, index, candidate, keyHash: keyHash) {
                            target = index
                            break
                        }
                    }
                    if target != nil { break }
                }
            }
            let index: Int
            if let target {
                groups[target].append(candidate)
                index = target
            } else {
                groups.append(Group(candidate))
                index = groups.count - 1
            }
            for key in keys where self.byKey[key]?.last != index { self.byKey[key, default: []].append(index) }
            if candidate.date != nil { self.lastDated = (index, candidate.article) }
        }
    }

    /// Whether `groups[index]` reports `candidate`'s event; `keyHash` is `candidate.copyKey.hashValue`,
    /// computed once per candidate. The group is read field by field in the buffer: a `Group`
    /// passed whole was copied first (a retain per field, per comparison: most of the grouping's
    /// time at 100,000 articles).
    static func reportSame(_ groups: UnsafeBufferPointer<Group>, _ index: Int, _ candidate: Candidate, keyHash: Int) -> Bool {
        guard compatible(groups[index].kind, candidate.kind) else { return false }
        // The same sentence again (a syndicated or mangled copy) is the same event, whatever
        // date its own publication gives to "today".
        if groups[index].sentenceKeyHashes.contains(keyHash), groups[index].sentenceKeys.contains(candidate.copyKey) { return true }
        let sameLocation = groups[index].location != nil && groups[index].location == candidate.location
        // A meeting on the sidelines of a summit is not the summit, nor the reverse.
        if candidate.sidelines && isLarger(groups[index].kind) || groups[index].sidelines && isLarger(candidate.kind) { return false }
        // Talks in Miami are not the talks in Berlin, whatever else they share.
        if placedApart(groups[index].locationCountry, candidate.locationCountry) { return false }
        // Both dated: the dates first (no hashing), then any one shared participant. The shared
        // list, an allocation per comparison, is built only for the undated rule.
        if let first = groups[index].date, let second = candidate.date {
            guard datesAgree(first, second, kind: candidate.kind) else { return false }
            // A month on either side ("talks earlier this month" beside the talks of the 15th, or
            // two reports of "talks in November"): the month holds many gatherings, so a shared
            // country is not enough.
            if first.precision.rank > DatePoint.Precision.week.rank || second.precision.rank > DatePoint.Precision.week.rank {
                return sameLocation || candidate.participants.contains { id in
                    groups[index].participantSet.contains(id) && !groups[index].countries.contains(id) && !candidate.countries.contains(id)
                }
            }
            // A second meeting or call of one of them, with someone else (``isOneToOne(_:)``).
            if isOneToOne(candidate.kind), isOneToOne(groups[index].kind),
               candidate.participants.contains(where: { !groups[index].participantSet.contains($0) && !candidate.countries.contains($0) }),
               groups[index].participantSet.contains(where: { !candidate.participants.contains($0) && !groups[index].countries.contains($0) }) {
                return false
            }
            return sameLocation || candidate.participants.contains(where: groups[index].participantSet.contains)
        }
        guard arranged(groups[index].status) == arranged(candidate.status) else { return false }
        // An undated held report weeks after the other's date (either may have come first).
        let staleCandidate = candidate.date == nil && candidate.status == .held
            && isStale(published: candidate.published, date: groups[index].date)
        let staleGroup = groups[index].date == nil && groups[index].status == .held
            && isStale(published: groups[index].earliestPublished, date: candidate.date)
        if !sameLocation, staleCandidate || staleGroup { return false }
        // Undated reports that something took place, published weeks apart, are of different
        // occasions: a call "after the talks" in May is not the call on the flight back in August.
        if candidate.status == .held, groups[index].status == .held, let published = candidate.published,
           let earliest = groups[index].earliestPublished, let latest = groups[index].latestPublished,
           published.dayNumber - earliest.dayNumber > heldReportSpan || latest.dayNumber - published.dayNumber > heldReportSpan {
            return false
        }
        var shared = 0, sharesNonCountry = false
        for id in candidate.participants where groups[index].participantSet.contains(id) {
            shared += 1
            if !sharesNonCountry { sharesNonCountry = !groups[index].countries.contains(id) && !candidate.countries.contains(id) }
        }
        return undatedSame(shared: shared, sharesNonCountry: sharesNonCountry, sameLocation: sameLocation,
                           locationIsCountry: groups[index].locationIsCountry)
    }

    /// A meeting or call of two: one person meeting two others on one day ("Modi and Putin held
    /// talks on Monday", "Putin also met Erdogan on Monday") meets them twice, when each report
    /// names someone, not a country, the other does not.
    static func isOneToOne(_ kind: Event.Kind) -> Bool { kind == .bilateralMeeting || kind == .phoneCall }

    /// Two reports' venues (``Entity/venueCountry``) lie in different countries: different
    /// gatherings. The one rule for grouping and for matching a known event.
    static func placedApart(_ first: String?, _ second: String?) -> Bool {
        guard let first, let second else { return false }
        return first != second
    }

    /// A gathering of many: what a meeting "on the sidelines" is beside.
    static func isLarger(_ kind: Event.Kind) -> Bool { kind == .summit || kind == .multilateralMeeting || kind == .unSession }

    /// An undated report that something took place, published more than ``referenceSpan`` days
    /// after the end of `date`, is not of the event on that date unless it names its place: an
    /// undated "meeting of Trump and Zelensky" in August is not the Oval Office meeting of
    /// February ("the Alaska summit" three weeks on names Alaska).
    static func isStale(published: CalendarDate?, date: DatePoint?) -> Bool {
        guard let published, let date else { return false }
        return published.dayNumber - date.lastDayNumber > referenceSpan
    }

    /// How many days after an event an undated report of it may be published without its place.
    static let referenceSpan = 14

    /// How many days apart two undated reports of a held event may be published.
    static let heldReportSpan = 7

    /// Two reports, one of them undated, are of one event when the statuses agree (a held meeting
    /// is not the proposal of one; the callers check it first) and they name the same place (a
    /// city or site, not a country) or two shared participants, one of them not a country. The
    /// one rule for grouping reports and for matching a group to a known event; the shared
    /// participants are counted, not listed (a list was an allocation per comparison).
    static func undatedSame(shared: Int, sharesNonCountry: Bool, sameLocation: Bool, locationIsCountry: Bool) -> Bool {
        (sameLocation && !locationIsCountry) || (shared >= 2 && sharesNonCountry)
    }

    /// A group reports a known event: a compatible kind, a shared participant or the named
    /// location, and dates that agree within their precision. Where either side has no date,
    /// the statuses must agree (a held meeting is not the proposal of one) and it takes the same
    /// named place (a city or site, not a country), or two shared participants one of whom is a
    /// person (a proposed Putin–Zelensky meeting is undated in every report of it). The one rule
    /// for merging and for measuring: `base` gives the known event's people's countries and its
    /// place's country, as the merge reads them (nil: events with no entities behind them).
    public static func reports(_ group: Group, known event: Event, in base: KnowledgeBase?) -> Bool {
        let entity: (String) -> Entity? = { id in base?.entity(id: id) }
        return reports(group, kind: event.kind, participants: event.participants, location: event.location, start: event.start,
                       status: event.status, participantCountries: event.peopleCountries(entity),
                       locationCountry: event.locationCountry(entity))
    }

    /// The same rule, from the fields of the event it reads: the merge passes them straight from
    /// its buffer of events (an `Event` passed whole was copied first, a retain per field, for
    /// every event compared: 3% of a 100k load).
    static func reports<Report: ReportFields>(
        _ group: Report, kind: Event.Kind, participants: [Participant], location: String?, start: DatePoint?, status: Event.Status,
        participantCountries: Set<String> = [], locationCountry: String? = nil
    ) -> Bool {
        guard compatible(group.kind, kind) else { return false }
        // As in grouping: a gathering placed in another country is another gathering.
        if placedApart(group.locationCountry, locationCountry) { return false }
        // Reports that something took place cannot be of an event that starts after the last of
        // them was published: an attack an article of 20 August mentions is not the strike of
        // 27 August.
        if group.status == .held, let start, group.isAfterItsReports(start.date) { return false }
        let sameLocation = group.location != nil && group.location == location
        // As in grouping (``reportSame(_:_:_:keyHash:)``): dates first, the shared list only when undated.
        if let date = group.date, let start {
            guard datesAgree(date, start, kind: kind) else { return false }
            // A proposal of a meeting "in August" is not the meeting held on 18 August: across
            // statuses (arranged or not), the reports must give the day or the week.
            if arranged(group.status) != arranged(status), date.precision.rank > DatePoint.Precision.week.rank { return false }
            // A shared participant, or one side's country for the other's person: "a summit
            // Russia held" on the day of the Trump–Putin summit is that summit.
            if sameLocation || participants.contains(where: { group.takesPart($0.entity) }) { return true }
            // The weaker link also needs the statuses to agree (a held meeting is not the
            // proposal of one in the same week).
            guard arranged(group.status) == arranged(status) else { return false }
            if participants.contains(where: { group.affiliatedCountries.contains($0.entity) }) { return true }
            // A country for the event's person, when the reports name no body the event lacks
            // but people of its countries: "the UN Security Council will meet at Ukraine's
            // request" on the day of a Ukrainian envoy's meeting is another gathering; "Rubio
            // said the US and Russia" on the day of the Trump–Putin summit is that summit.
            guard !group.countries.isDisjoint(with: participantCountries) else { return false }
            return group.participants.allSatisfy { id in group.countries.contains(id) || participants.contains { $0.entity == id } }
                || (!group.affiliatedCountries.isEmpty && group.affiliatedCountries.isSubset(of: participantCountries))
        }
        guard arranged(group.status) == arranged(status) else { return false }
        // Weeks after a dated event, an undated report of any status is of another occasion
        // unless it names the place: "Putin will not meet Zelensky" in September is not the
        // meeting he declined in May.
        if !sameLocation, isStale(published: group.earliestPublished, date: start) { return false }
        var shared = 0, sharesNonCountry = false
        for participant in participants where group.takesPart(participant.entity) {
            shared += 1
            if !sharesNonCountry { sharesNonCountry = !group.countries.contains(participant.entity) }
        }
        return undatedSame(shared: shared, sharesNonCountry: sharesNonCountry, sameLocation: sameLocation,
                           locationIsCountry: group.locationIsCountry)
    }

    /// The members of `group`, matched to an event, that report the event on their own
    /// (``reports(_:kind:participants:location:start:status:participantCountries:locationCountry:)`` read on the
    /// member: the rule is written over ``ReportFields``). A group is matched on the union of its reports, so
    /// one report's names can bring in a sentence about another gathering: where some sentences
    /// report the event alone, only they (with a copy of one, and "the summit" in an article one
    /// of them is from) become its evidence. Where none does alone, the date of one and the names
    /// of another make the match, and the group is kept whole.
    static func members(
        of group: Group, reporting kind: Event.Kind, participants: [Participant], location: String?, start: DatePoint?,
        status: Event.Status, participantCountries: Set<String>, locationCountry: String? = nil
    ) -> [Candidate] {
        // A group of one was matched as that member.
        if group.members.count == 1 { return group.members }
        let reporting = group.members.map { member in
            reports(member, kind: kind, participants: participants, location: location, start: start, status: status,
                    participantCountries: participantCountries, locationCountry: locationCountry)
        }
        if !reporting.contains(true) || !reporting.contains(false) { return group.members }
        var keptKeys: Set<String> = [], keptArticles: Set<String> = []
        for index in reporting.indices where reporting[index] {
            keptKeys.insert(group.members[index].copyKey)
            keptArticles.insert(group.members[index].article)
        }
        return group.members.indices.compactMap { index in
            let member = group.members[index]
            let kept = reporting[index] || keptKeys.contains(member.copyKey) || (member.definite && keptArticles.contains(member.article))
            return kept ? member : nil
        }
    }

    /// The trigger at `index` is inside an "if" or "unless" clause: those words come before it
    /// with no clause break (a comma or a dash, the joints ``TemporalTokens`` keeps) between them.
    static func isConditional(_ words: [String], before index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0 {
            // By length first: this reads back from every trigger word, and a string comparison
            // per word and case was most of its cost. No other spelling of these five is equal
            // to them (none contains a letter with a singleton decomposition, as K has).
            let word = words[cursor]
            switch word.utf8.count {
            case 1: if word == "," || word == "-" { return false }
            case 2: if word == "if" { return true }
            case 3: if word == "\u{2013}" { return false }
            case 6: if word == "unless" { return true }
            default: break
            }
            cursor -= 1
        }
        return false
    }

    /// The word positions of each "if" or "unless" clause closed by a comma or a dash.
    static func conditionalClauses(_ words: [String]) -> [ClosedRange<Int>] {
        var clauses: [ClosedRange<Int>] = []
        for (index, word) in words.enumerated() where word == "if" || word == "unless" {
            if let end = words[index...].firstIndex(where: { $0 == "," || $0 == "-" || $0 == "\u{2013}" }) {
                clauses.append(index...end)
            }
        }
        return clauses
    }

    /// Held or scheduled, against proposed, rejected or cancelled.
    static func arranged(_ status: Event.Status) -> Bool { status == .held || status == .scheduled }

    /// The confidence a group needs to become a new event of its own (a date or a place, or a
    /// second report); below it, a group can only add a source to an event already known.
    public static let newEventConfidence = 0.65

    /// A sentence's words (letters and numbers, with the marks inside them), lowercased and
    /// joined by single spaces, without punctuation: copies compare equal.
    static func sentenceKey(_ quote: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(quote.utf8.count)
        var inWord = false
        for scalar in quote.unicodeScalars {
            if WordScalar.isWordCharacter(scalar) || (inWord && WordScalar.isMark(scalar)) {
                if !inWord, !key.isEmpty { key.append(0x20) }
                inWord = true
                WordScalar.appendLowercased(scalar, to: &key)
            } else {
                inWord = false
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Meetings, summits and talks describe one gathering in different words; the other kinds stand alone.
    static func compatible(_ a: Event.Kind, _ b: Event.Kind) -> Bool {
        a == b || (isGathering(a) && isGathering(b))
    }

    static func isGathering(_ kind: Event.Kind) -> Bool {
        switch kind {
        case .summit, .bilateralMeeting, .multilateralMeeting, .talks, .unSession: return true
        default: return false
        }
    }

    /// Two dates agree when one lies within the other's period (a day inside "the week of").
    public static func datesAgree(_ a: DatePoint, _ b: DatePoint) -> Bool {
        // The same period arithmetic as the date filters (`DatePoint.lastDayNumber`).
        (a.date.dayNumber...a.lastDayNumber).overlaps(b.date.dayNumber...b.lastDayNumber)
    }

    /// Dates of one occasion of `kind`: as ``datesAgree(_:_:)``, and an attack reported on
    /// either day of its night ("overnight" on the 28th is the strike of the night of the 27th).
    static func datesAgree(_ a: DatePoint, _ b: DatePoint, kind: Event.Kind) -> Bool {
        if datesAgree(a, b) { return true }
        return kind == .attack && a.precision == .day && b.precision == .day && abs(a.date.dayNumber - b.date.dayNumber) == 1
    }
}

/// What the matching rule (``EventExtractor/reports(_:kind:participants:location:start:status:participantCountries:locationCountry:)``)
/// reads of a report: a group of reports, or one report alone.
protocol ReportFields {
    var kind: Event.Kind { get }
    var status: Event.Status { get }
    var date: DatePoint? { get }
    var location: String? { get }
    var locationIsCountry: Bool { get }
    var locationCountry: String? { get }
    var participants: [String] { get }
    var countries: Set<String> { get }
    var affiliatedCountries: Set<String> { get }
    var earliestPublished: CalendarDate? { get }
    var latestPublished: CalendarDate? { get }
    func takesPart(_ id: String) -> Bool
}

extension ReportFields {
    /// `date` is more than a day (time zones) after the last report was published.
    func isAfterItsReports(_ date: CalendarDate) -> Bool {
        guard let latestPublished else { return false }
        return date > (latestPublished.adding(days: 1) ?? latestPublished)
    }
}

extension EventExtractor.Group: ReportFields {
    func takesPart(_ id: String) -> Bool { participantSet.contains(id) }
}

extension EventExtractor.Candidate: ReportFields {
    func takesPart(_ id: String) -> Bool { participants.contains(id) }
    var earliestPublished: CalendarDate? { published }
    var latestPublished: CalendarDate? { published }
}
