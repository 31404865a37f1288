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

    /// Whether `event` meets every constraint.
    func admits(_ event: Event) -> Bool {
        withUnsafePointer(to: event) { admits($0) }
    }

    /// The same through a pointer into the stored events, so each check reads only its field (a filter
    /// taking the event by value copied every event it looked at).
    @inline(__always)
    func admits(_ event: UnsafePointer<Event>) -> Bool {
        if let statuses, !statuses.contains(event.pointee.status) { return false }
        if let kinds, !kinds.contains(event.pointee.kind) { return false }
        if let provenances, !provenances.contains(event.pointee.provenance) { return false }
        if let overdue, event.pointee.overdue != overdue { return false }
        if let participants, !event.pointee.participants.contains(where: { participants.contains($0.entity) }) { return false }
        if let locations, !locations.contains(event.pointee.location ?? "") { return false }
        if let involving, !event.pointee.participants.contains(where: { involving.contains($0.entity) }),
           !involving.contains(event.pointee.location ?? "") { return false }
        if from != nil || to != nil {
            guard let start = event.pointee.start else { return undated == .include }
            let last = (event.pointee.end ?? start).lastDayNumber
            if let from, last < from.dayNumber { return false }
            if let to, start.date.dayNumber > to.dayNumber { return false }
        }
        if let ids, !ids.contains(event.pointee.id) { return false }
        return true
    }
}
