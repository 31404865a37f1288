/// `statusAsOf` for every event and proposal, and the overdue mark: a scheduled event whose
/// period ended before the newest article in the dataset was published. Both are derived from
/// the data alone, never the wall clock, so every replica serves the same bytes and ETags.
extension SeedAssembler {
    mutating func stampStatus() {
        let newest = articles.compactMap(\.published).max()
        for index in events.indices {
            events[index].statusAsOf = statusAsOf(events[index].articles)
            let period = events[index].end ?? events[index].start
            events[index].overdue = events[index].status == .scheduled && period != nil && newest != nil
                && (period?.lastDayNumber ?? 0) < (newest?.date.dayNumber ?? 0)
        }
        for index in proposals.indices {
            proposals[index].statusAsOf = statusAsOf(proposals[index].articles)
        }
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
