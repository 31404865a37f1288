import Store

/// An entity filter resolved: the entity named, and every entity it includes (itself first).
struct EntityScope {
    let parameter: String
    let id: String
    let ids: [String]
    private let members: Set<String>

    init(parameter: String, id: String, ids: [String]) {
        self.parameter = parameter
        self.id = id
        self.ids = ids
        self.members = Set(ids)
    }

    func contains(_ id: String?) -> Bool { id.map(members.contains) ?? false }

    /// `meta.expanded` of a list: how each entity filter was read.
    static func meta(_ scopes: [EntityScope?]) -> [(String, JSON)] {
        let given = scopes.compactMap { $0 }
        guard !given.isEmpty else { return [] }
        return [("expanded", .object(given.map { ($0.parameter, JSON.strings($0.ids)) }))]
    }
}
