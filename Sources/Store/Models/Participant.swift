/// An entity taking part in an event, and how.
public struct Participant: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case host, guest, principal, delegation, mediator, observer
    }

    /// Entity id.
    public let entity: String
    public let role: Role
}
