extension KnowledgeBase {
    /// Who an entity filter includes: the entity itself, then everything that acts for it,
    /// belongs to it or lies in it (an entity whose `country` or `affiliation` is it), and so on
    /// down (Russia → the Kremlin → Peskov; Russia → Moscow). The entity comes first, the rest
    /// in catalog order; each at most once. `participant=Russia`, `location=United States` and
    /// `entity=NATO` all expand this one way.
    public func scope(of id: String) -> [String] {
        var result = [id]
        var seen: Set<String> = [id]
        var index = 0
        while index < result.count {
            for member in members[result[index]] ?? [] where seen.insert(member).inserted { result.append(member) }
            index += 1
        }
        return result
    }

    /// Who belongs to whom, built once at load: parent id → member ids in catalog order.
    static func members(_ entities: [Entity]) -> [String: [String]] {
        var members: [String: [String]] = [:]
        for entity in entities {
            for parent in Set([entity.country, entity.affiliation].compactMap { $0 }) where parent != entity.id {
                members[parent, default: []].append(entity.id)
            }
        }
        return members
    }
}
