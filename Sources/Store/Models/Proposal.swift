/// A security-guarantee proposal from `proposals.json`.
///
/// Derived at load: `articles`, the distinct articles cited anywhere in the
/// record (evidence, conditions, positions) in first-citation order, and
/// `firstReported`, the earliest `published` date among them (nil when none
/// of them is dated).
public struct Proposal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case collectiveDefenceCommitment = "collective-defence-commitment"
        case multinationalForce = "multinational-force"
        case trainingMission = "training-mission"
        case armsSupply = "arms-supply"
        case armsFinancing = "arms-financing"
        case legalRatification = "legal-ratification"
        case sanctionsPressure = "sanctions-pressure"
        case economic
        case ceasefire
        case peaceProcess = "peace-process"
        case other
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case proposed
        case underDiscussion = "under-discussion"
        case agreedInPrinciple = "agreed-in-principle"
        case pledged
        case rejected
        case implemented
    }

    public let id: String
    public let title: String
    public let kind: Kind
    public let summary: String
    /// Entity ids of those who put it forward.
    public let proposers: [String]
    /// Entity ids of those who would provide the guarantee.
    public let guarantors: [String]
    /// Entity id, usually `ukraine`.
    public let beneficiary: String?
    public let conditions: [Condition]
    public let status: Status
    public internal(set) var positions: [Position]
    public let evidence: [Evidence]
    public let enrichment: [String]
    public internal(set) var articles: [String]
    public internal(set) var firstReported: DatePoint?
    /// A curated proposal, or one the stance rules made for a topic no proposal covered.
    public var provenance: Provenance = .curated
    public var confidence: Double?
    public var rule: String?
    /// When the status was last stated, and by which article.
    public internal(set) var statusAsOf: StatusAsOf?
}
