/// The result of `KnowledgeBase.resolve(name:)`: the entity and the catalog
/// form that matched the query.
public struct EntityMatch: Sendable, Hashable {
    /// Which catalog form matched.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case id, name, alias
    }

    public let entity: Entity
    /// The id, name or alias text as written in the catalog.
    public let matched: String
    public let source: Source
}
