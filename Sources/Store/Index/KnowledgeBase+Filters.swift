extension KnowledgeBase {
    /// Events meeting every constraint of `filter`, in the collection's order (by date, undated last).
    public func events(matching filter: EventFilter) -> [Event] {
        events.filter(filter.admits)
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
