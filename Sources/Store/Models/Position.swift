/// An entity's reported stance on a proposal.
public struct Position: Sendable, Hashable {
    public enum Stance: String, Sendable, Hashable, CaseIterable {
        case support, oppose, conditional
    }

    /// Entity id.
    public let entity: String
    public let stance: Stance
    public let date: DatePoint?
    public internal(set) var evidence: [Evidence]
    /// Curated, or extracted from an article no curator annotated (with its rule and confidence).
    public var provenance: Provenance = .curated
    public var confidence: Double?
    public var rule: String?
}
