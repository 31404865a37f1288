/// `statusAsOf` for every event and proposal, and the overdue mark: a scheduled event whose
/// period ended before the newest article in the dataset was published. Both are derived from
/// the data alone, never the wall clock, so every replica serves the same bytes and ETags.
extension SeedAssembler {
    mutating func stampStatus() {
        let (eventStamps, proposalStamps) = stamps()
        for (index, stamp) in zip(events.indices, eventStamps) {
            events[index].statusAsOf = stamp.asOf
            events[index].overdue = stamp.overdue
        }
        for (index, stamp) in zip(proposals.indices, proposalStamps) {
            proposals[index].statusAsOf = stamp
        }
    }

    /// Each record's stamp reads only the articles, so they are computed on every core (twice per
    /// load: before extraction and after its merge); for a small load (the shipped seeds) on this
    /// thread. A function of its own: the tasks' copy of the assembler ends with it, before the
    /// stamps are written (a copy still alive then would have the events copied whole).
    private func stamps() -> (events: [(asOf: StatusAsOf?, overdue: Bool)], proposals: [StatusAsOf?]) {
        let newest = articles.compactMap(\.published).max()
        let assembler = self, loaded = articles.count
        let events = Concurrently.map(Array(events.indices), articles: loaded) { index in
            let event = assembler.events[index]
            let period = event.end ?? event.start
            let overdue = event.status == .scheduled && period != nil && newest != nil
                && (period?.lastDayNumber ?? 0) < (newest?.date.dayNumber ?? 0)
            return (assembler.statusAsOf(event.articles), overdue)
        }
        let proposals = Concurrently.map(Array(proposals.indices), articles: loaded) { index in
            assembler.statusAsOf(assembler.proposals[index].articles)
        }
        return (events, proposals)
    }

    /// The latest-published of `sources` (ties: the greater id); an undated one only when none is dated.
    func statusAsOf(_ sources: [String]) -> StatusAsOf? {
        let dated = sources.compactMap { id in articleIndex[id].map { (id, articles[$0].published) } }
        let latest = dated.max { lhs, rhs in
            switch (lhs.1, rhs.1) {
            case let (l?, r?): return l.date != r.date ? l.date < r.date : lhs.0 < rhs.0
            case (nil, .some): return true
            case (.some, nil): return false
            case (nil, nil): return lhs.0 < rhs.0
            }
        }
        return latest.map { StatusAsOf(date: $0.1, article: $0.0) }
    }
}
