/// An entity's reported stance on a proposal.
public struct Position: Sendable, Hashable {
    public enum Stance: String, Sendable, Hashable, CaseIterable {
        case support, oppose, conditional
    }

    /// Entity id.
    public let entity: String
    public let stance: Stance
    public let date: DatePoint?
    public let evidence: [Evidence]
}
