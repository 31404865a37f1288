extension KnowledgeBase {
    /// Events meeting every constraint of `filter`, in the collection's order (by date, undated last).
    ///
    /// Work is in proportion to the candidates: with an entity constraint, only the events
    /// indexed under those entities are checked; `newestFirst` uses the order fixed at build.
    public func events(matching filter: EventFilter, newestFirst: Bool = false) -> EventSelection {
        EventSelection(events: events, positions: eventPositions(matching: filter, newestFirst: newestFirst))
    }

    /// Positions in `events` of those meeting `filter`, in the order asked for. Positions, not
    /// events: an event is a large value, and copying thousands per request to page through 20
    /// dominated a cache miss at 10,000 articles.
    func eventPositions(matching filter: EventFilter, newestFirst: Bool) -> [Int] {
        var candidates: [Int]
        if let scope = filter.participants ?? filter.locations ?? filter.involving {
            // Every admitted event names one of these entities as participant or location.
            candidates = []
            for id in scope { candidates += eventsByEntity[id] ?? [] }
            if newestFirst {
                let rank = newestFirstRank
                candidates.sort { rank[$0] < rank[$1] }
            } else {
                candidates.sort()
            }
        } else {
            candidates = newestFirst ? eventsNewestFirst : Array(events.indices)
        }
        // Checked in place through a buffer: reading `events[i]` copies the whole event.
        return events.withUnsafeBufferPointer { events in
            var result: [Int] = []
            guard let first = events.baseAddress else { return result }
            var previous = -1
            for position in candidates where position != previous {
                previous = position
                if filter.admits(first + position) { result.append(position) }
            }
            return result
        }
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

/// Events chosen by a filter, in order: a view over the knowledge base's events by position, so
/// only the events a page shows are ever copied.
public struct EventSelection: RandomAccessCollection, Sendable {
    let events: [Event]
    let positions: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> Event { events[positions[index]] }
}
