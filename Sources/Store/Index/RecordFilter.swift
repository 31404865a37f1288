/// What `/events` and `/proposals` ask of the store: every field is a constraint when set, and
/// a record must meet all of them. Entity constraints are sets: an entity filter's scope
/// (``KnowledgeBase/scope(of:)``), or the entity alone.
public struct EventFilter: Sendable {
    /// How a date range treats records with no date: left out (the default), or kept.
    public enum Undated: String, Sendable, CaseIterable {
        case exclude, include
    }

    public var statuses: Set<Event.Status>?
    public var kinds: Set<Event.Kind>?
    public var provenances: Set<Provenance>?
    public var overdue: Bool?
    /// Some participant is in the set.
    public var participants: Set<String>?
    /// The location is in the set.
    public var locations: Set<String>?
    /// Some participant or the location is in the set.
    public var involving: Set<String>?
    /// Inclusive; a record's period (start to end, each widened to the end of its week, month or
    /// year for coarse precision) must overlap it.
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var undated = Undated.exclude
    /// Only these ids (a full-text match).
    public var ids: Set<String>?

    public init() {}

    func admits(_ event: Event) -> Bool {
        if let statuses, !statuses.contains(event.status) { return false }
        if let kinds, !kinds.contains(event.kind) { return false }
        if let provenances, !provenances.contains(event.provenance) { return false }
        if let overdue, event.overdue != overdue { return false }
        if let participants, !event.participants.contains(where: { participants.contains($0.entity) }) { return false }
        if let locations, !locations.contains(event.location ?? "") { return false }
        if let involving, !event.participants.contains(where: { involving.contains($0.entity) }),
           !involving.contains(event.location ?? "") { return false }
        if from != nil || to != nil {
            guard let start = event.start else { return undated == .include }
            let last = (event.end ?? start).lastDayNumber
            if let from, last < from.dayNumber { return false }
            if let to, start.date.dayNumber > to.dayNumber { return false }
        }
        if let ids, !ids.contains(event.id) { return false }
        return true
    }
}

/// What `/proposals` asks of the store (see ``EventFilter``).
public struct ProposalFilter: Sendable {
    public var statuses: Set<Proposal.Status>?
    public var kinds: Set<Proposal.Kind>?
    public var provenances: Set<Provenance>?
    /// A proposer is in the set.
    public var proposers: Set<String>?
    /// A proposer, or an entity with a `support` position, is in the set.
    public var supporters: Set<String>?
    /// An entity with an `oppose` position is in the set.
    public var opponents: Set<String>?
    /// A proposer, guarantor, the beneficiary or a position holder is in the set.
    public var involving: Set<String>?
    public var ids: Set<String>?

    public init() {}

    func admits(_ proposal: Proposal) -> Bool {
        if let statuses, !statuses.contains(proposal.status) { return false }
        if let kinds, !kinds.contains(proposal.kind) { return false }
        if let provenances, !provenances.contains(proposal.provenance) { return false }
        if let proposers, !proposal.proposers.contains(where: proposers.contains) { return false }
        if let supporters, !proposal.proposers.contains(where: supporters.contains),
           !proposal.positions.contains(where: { $0.stance == .support && supporters.contains($0.entity) }) { return false }
        if let opponents, !proposal.positions.contains(where: { $0.stance == .oppose && opponents.contains($0.entity) }) { return false }
        if let involving {
            let parties = proposal.proposers + proposal.guarantors + [proposal.beneficiary ?? ""] + proposal.positions.map(\.entity)
            if !parties.contains(where: involving.contains) { return false }
        }
        if let ids, !ids.contains(proposal.id) { return false }
        return true
    }
}

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
