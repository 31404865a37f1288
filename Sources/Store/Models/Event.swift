/// A summit, meeting, call, visit, deadline ... from `events.json`.
///
/// One real-world event is one record citing every article that reports it.
/// `articles` (distinct evidence articles, in evidence order) and `outlets`
/// (their distinct non-nil outlets, sorted) are derived at load.
public struct Event: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case summit
        case bilateralMeeting = "bilateral-meeting"
        case multilateralMeeting = "multilateral-meeting"
        case talks
        case phoneCall = "phone-call"
        case visit
        case unSession = "un-session"
        case deadline
        case attack
        case pressConference = "press-conference"
        case other
    }

    /// As reported by the latest article that speaks of the event.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case held, scheduled, proposed, rejected, cancelled
    }

    public let id: String
    public let title: String
    public let kind: Kind
    public let status: Status
    public let start: DatePoint?
    public let end: DatePoint?
    /// Entity id of a place or country.
    public let location: String?
    public let participants: [Participant]
    public let summary: String
    /// Ids of proposals discussed.
    public let proposals: [String]
    public let evidence: [Evidence]
    public let enrichment: [String]
    public let articles: [String]
    public let outlets: [String]
    /// A curated record, or one the extraction rules made from uncurated articles.
    public var provenance: Provenance = .curated
    /// For extracted records: how sure the rules are (0–1), and which rule made it.
    public var confidence: Double?
    public var rule: String?
    /// Disagreements between sources (a date one article gives that the record's date contradicts).
    public var notes: [String] = []
    /// When the status was last stated, and by which article.
    public internal(set) var statusAsOf: StatusAsOf?
    /// Scheduled, yet its date has passed by the newest article in the dataset (not the wall
    /// clock, so every replica serves the same answer).
    public internal(set) var overdue = false
}
