/// The result of `KnowledgeBase.resolve(name:)`: the entity and the catalog
/// form that matched the query.
public struct EntityMatch: Sendable, Hashable {
    /// Which catalog form matched.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case id, name, alias
        /// A title before a name ("President Trump") was set aside.
        case title
        /// A role and who it is held for ("NATO chief", "Kremlin spokesperson", "US president"),
        /// read against the catalog's descriptions, affiliations and countries.
        case role
        /// Part of exactly one entity's name or alias ("Kelley", "Security Council").
        case partial
        /// Another spelling of a given name before the same surname ("Andrii Yermak", "Steven Witkoff").
        case variant
    }

    public let entity: Entity
    /// The id, name or alias text as written in the catalog.
    public let matched: String
    public let source: Source
}
