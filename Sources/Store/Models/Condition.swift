/// A condition attached to a proposal ("only in the event of a truce").
public struct Condition: Sendable, Hashable {
    public let text: String
    public let evidence: [Evidence]
}
