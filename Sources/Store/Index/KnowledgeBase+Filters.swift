extension KnowledgeBase {
    /// Events meeting every constraint of `filter`, in the collection's order (by date, undated last).
    ///
    /// Work is in proportion to the candidates: with an entity constraint, only the events
    /// indexed under those entities are checked; `newestFirst` uses the order fixed at build.
    public func events(matching filter: EventFilter, newestFirst: Bool = false) -> [Event] {
        var result: [Event] = []
        if let scope = filter.participants ?? filter.locations ?? filter.involving {
            // Every admitted event names one of these entities as participant or location.
            var positions: [Int] = []
            for id in scope { positions += eventsByEntity[id] ?? [] }
            if newestFirst {
                positions.sort { newestFirstRank[$0] < newestFirstRank[$1] }
            } else {
                positions.sort()
            }
            var previous = -1
            for position in positions where position != previous {
                previous = position
                if filter.admits(events[position]) { result.append(events[position]) }
            }
            return result
        }
        if newestFirst {
            for position in eventsNewestFirst where filter.admits(events[position]) { result.append(events[position]) }
            return result
        }
        return events.filter(filter.admits)
    }

    /// Proposals meeting every constraint of `filter`, in catalog order.
    public func proposals(matching filter: ProposalFilter) -> [Proposal] {
        proposals.filter(filter.admits)
    }

    /// A total order by date: ascending or descending, undated last either way, ties by id.
    /// The one definition of chronological order (the collection's and every `sort=date`).
    public static func byDate<T>(_ items: [T], descending: Bool, date: (T) -> DatePoint?, id: (T) -> String) -> [T] {
        items.sorted { left, right in
            switch (date(left), date(right)) {
            case let (l?, r?) where l.date != r.date: return descending ? l.date > r.date : l.date < r.date
            case (nil, _?): return false
            case (_?, nil): return true
            default: return id(left) < id(right)
            }
        }
    }
}
