/// Events from articles that no curator has annotated (no curated event or proposal cites them;
/// they may still have metadata in `articles.json`): each group of candidates that reports one
/// event becomes a new source of a known event when they match (``EventExtractor/reports(_:known:in:)``),
/// or else a new event marked `extracted`, with its rule and confidence, when the group is sure
/// enough. Annotated articles are left to their curator: extraction never adds to or overrides
/// what a person checked, only cites new articles beside it.
extension SeedAssembler {
    /// Articles no curated event or proposal cites, by id.
    func unannotatedArticles() -> [String] {
        var cited: Set<String> = []
        for event in events { cited.formUnion(event.articles) }
        for proposal in proposals { cited.formUnion(proposal.articles) }
        return articles.map(\.id).filter { !cited.contains($0) }.sorted()
    }

    /// What extraction reads in the unannotated articles: the candidate events, grouped, and the
    /// candidate stances.
    typealias Extracted = (groups: [EventExtractor.Group], stances: [StanceExtractor.Candidate])

    /// Extracts events and stances from the unannotated articles on the pool; the calling
    /// thread groups the events, article after article, as they come.
    func extractUnannotated(_ base: KnowledgeBase) -> Extracted {
        let unannotated = unannotatedArticles()
        guard !unannotated.isEmpty else { return ([], []) }
        // Both read the first index: stances do not read events, nor events stances. One pass
        // over the sentences feeds both (splitting and tokenising once).
        let eventExtractor = EventExtractor(knowledgeBase: base)
        let stanceExtractor = StanceExtractor(knowledgeBase: base)
        var grouping = EventExtractor.Grouping()
        var stances: [[StanceExtractor.Candidate]] = []
        Concurrently.forEachInOrder(unannotated, { id -> (events: [EventExtractor.Candidate], stances: [StanceExtractor.Candidate]) in
            var events: [EventExtractor.Candidate] = []
            var stances: [StanceExtractor.Candidate] = []
            NewsSentences(base: base).forEach(inArticle: id) { item in
                events += eventExtractor.extract(item)
                stances += stanceExtractor.extract(item)
            }
            return (events, stances)
        }, consume: { chunk in
            for article in chunk {
                for candidate in article.events { grouping.add(candidate) }
                stances.append(article.stances)
            }
        })
        return (grouping.groups, Concurrently.joined(stances))
    }

    /// Merges what extraction read into the events and proposals; true when anything was added.
    mutating func mergeExtracted(_ extracted: Extracted) -> Bool {
        // Stances change only the proposals (and their ids), events only the events: the stances
        // are merged on a pool thread, beside the events, in a copy of the assembler that holds
        // no events (so neither side's writes copy what the other holds).
        var stanceSide = self
        stanceSide.events = []
        stanceSide.takenEventIDs = []
        let stances = Concurrently.start(articles: articles.count) { [stanceSide, candidates = extracted.stances] in
            var assembler = stanceSide
            let changed = assembler.mergeExtractedStances(candidates)
            return (changed, assembler.proposals, assembler.proposalIDs)
        }
        let eventsChanged = mergeExtractedEvents(extracted.groups)
        let (stancesChanged, proposals, proposalIDs) = stances.wait()
        self.proposals = proposals
        self.proposalIDs = proposalIDs
        return eventsChanged || stancesChanged
    }

    mutating func mergeExtractedEvents(_ groups: [EventExtractor.Group]) -> Bool {
        takenEventIDs = Set(events.map(\.id))
        var changed = false
        // Only the events that could report a group are checked (``EventMergeIndex``), and the
        // first of those in `events` order is the one a scan of every event would find.
        var index = EventMergeIndex()
        for position in events.indices { index.add(events[position], at: position) }
        // The known events' people's countries (Putin → Russia): a group may name the country
        // for the person. Only the events known before the merge (a few hundred at most) are
        // indexed by them, so a hub country does not bring every extracted event to each group.
        var participantCountries: [Set<String>] = events.map { $0.peopleCountries(entity) }
        for position in events.indices { index.addCountries(participantCountries[position], of: events[position], at: position) }
        // The country of each event's city or site: a group placed in another is another gathering.
        var locationCountries: [String?] = events.map { $0.locationCountry(entity) }
        // The groups each event absorbs, applied once per event at the end: rebuilding an event
        // per group copied its whole evidence each time (quadratic for an event reported by
        // thousands of articles). Matching reads no evidence, so the outcome is the same.
        var absorbed: [Int: [EventExtractor.Candidate]] = [:]
        for group in groups {
            // The fields the rule reads, from a buffer: an `Event` passed whole is copied first.
            let candidates = index.candidates(for: group)
            let match = events.withUnsafeBufferPointer { events in
                candidates.first { position in
                    EventExtractor.reports(group, kind: events[position].kind, participants: events[position].participants,
                                           location: events[position].location, start: events[position].start,
                                           status: events[position].status, participantCountries: participantCountries[position],
                                           locationCountry: locationCountries[position])
                }
            }
            if let position = match {
                // Where some sentences report the event on their own, only they become its evidence.
                absorbed[position, default: []] += EventExtractor.members(
                    of: group, reporting: events[position].kind, participants: events[position].participants,
                    location: events[position].location, start: events[position].start, status: events[position].status,
                    participantCountries: participantCountries[position], locationCountry: locationCountries[position])
                changed = true
            } else if group.confidence >= EventExtractor.newEventConfidence, !group.heldAfterItsReports {
                let event = extractedEvent(group)
                takenEventIDs.insert(event.id)
                events.append(event)
                participantCountries.append([])
                locationCountries.append(event.locationCountry(entity))
                index.add(event, at: events.count - 1)
                changed = true
            }
        }
        for (position, event) in withSources(absorbed) {
            events[position] = event
        }
        return changed
    }

    /// The entity with `id` among those assembled so far.
    func entity(_ id: String) -> Entity? {
        entityIndex[id].map { entities[$0] }
    }

    /// Each event at a position of `absorbed` with the sentences of the reports it absorbed, on
    /// every core: one event's sources do not read another's.
    func withSources(_ absorbed: [Int: [EventExtractor.Candidate]]) -> [(Int, Event)] {
        let assembler = self
        return Concurrently.map(Array(absorbed)) { position, reports in
            (position, assembler.withSources(assembler.events[position], reports))
        }
    }

    /// `event` citing the reports' sentences too (those it does not already quote); a date a
    /// report gives that disagrees with the event's is kept as a note.
    func withSources(_ event: Event, _ reports: [EventExtractor.Candidate]) -> Event {
        var evidence = event.evidence
        var notes = event.notes
        var noted = Set(notes)
        // A sentence is cited once: against the record's own quotes by overlap (looked up by
        // article and paragraph), against the sentences already added by position (a set), so
        // thousands of reports stay linear. The keys are structs hashed by their parts: a string
        // built per quote, and an array per sentence, were most of this step for such an event.
        struct Place: Hashable {
            let article: String
            let paragraph: Int
        }
        struct Sentence: Hashable {
            let article: Int
            let paragraph: Int
            let start: Int
        }
        var original: [Place: [Evidence]] = [:]
        for item in evidence { original[Place(article: item.article, paragraph: item.paragraph), default: []].append(item) }
        var added: Set<Sentence> = []
        var articleNumbers: [String: Int] = [:]
        for member in reports {
            let item = member.evidence
            let number = articleNumbers[item.article] ?? { articleNumbers[item.article] = articleNumbers.count; return articleNumbers.count - 1 }()
            guard !(original[Place(article: item.article, paragraph: item.paragraph)] ?? []).contains(where: { $0.overlaps(item) }),
                  added.insert(Sentence(article: number, paragraph: item.paragraph, start: item.start)).inserted else { continue }
            evidence.append(item)
            for note in member.notes {
                let attributed = "\(member.article): " + note
                if noted.insert(attributed).inserted { notes.append(attributed) }
            }
            if let date = member.date, let start = event.start, !EventExtractor.datesAgree(date, start) {
                notes.append("date conflict: article \(member.article) gives \(date.iso) (\(date.reason)), "
                    + "which disagrees with \(start.iso)")
            }
        }
        var updated = rebuilt(event, evidence: evidence)
        updated.notes = notes
        return updated
    }

    func extractedEvent(_ group: EventExtractor.Group) -> Event {
        let names = group.participants.prefix(3).compactMap { id in entityIndex[id].map { entities[$0].name } }
        let label = String(group.kind.rawValue.map { $0 == "-" ? " " : $0 })
        var title = label.prefix(1).uppercased() + label.dropFirst() + ": " + names.joined(separator: ", ")
        if let location = group.location, let index = entityIndex[location] { title += " (\(entities[index].name))" }
        var id = SeedAssembler.slug("\(group.kind.rawValue) \(names.first ?? "") \(group.date?.iso ?? group.articles[0])")
        var suffix = 2
        while takenEventIDs.contains(id) {
            id = SeedAssembler.slug("\(group.kind.rawValue) \(names.first ?? "") \(group.date?.iso ?? group.articles[0])") + "-\(suffix)"
            suffix += 1
        }
        let evidence = group.members.map(\.evidence)
        var event = Event(
            id: id, title: title, kind: group.kind, status: group.status, start: group.date, end: nil, location: group.location,
            participants: group.participants.map { Participant(entity: $0, role: .principal) }, summary: group.members[0].quote,
            proposals: [], evidence: evidence, enrichment: ["title", "participants.role"], articles: [], outlets: []
        )
        event = rebuilt(event, evidence: evidence)
        event.provenance = .extracted
        event.notes = group.members.flatMap { member in member.notes.map { "\(member.article): " + $0 } }
        event.confidence = group.confidence
        event.rule = group.members[0].rule
        return event
    }

    /// `event` with `evidence` and the articles and outlets derived from it.
    func rebuilt(_ event: Event, evidence: [Evidence]) -> Event {
        let articleIDs = SeedAssembler.distinctArticles(evidence)
        let outlets = Set(articleIDs.compactMap { articleIndex[$0].flatMap { articles[$0].outlet } }).sorted()
        var copy = Event(
            id: event.id, title: event.title, kind: event.kind, status: event.status, start: event.start, end: event.end,
            location: event.location, participants: event.participants, summary: event.summary, proposals: event.proposals,
            evidence: evidence, enrichment: event.enrichment, articles: articleIDs, outlets: outlets
        )
        copy.provenance = event.provenance
        copy.confidence = event.confidence
        copy.rule = event.rule
        copy.notes = event.notes
        return copy
    }
}
