import Store

extension RouteContext {
    /// Resolves a filter value that names an entity: its id or any alias, case- and
    /// diacritic-insensitively (`participant=Zelenskiy`). An unknown name is a 400.
    func entityID(_ parameter: String) throws(APIError) -> String? {
        guard let value = try query.string(parameter) else { return nil }
        guard let match = knowledgeBase.resolve(name: value) else {
            throw .invalidParameter(parameter, value: value, reason: "no entity has this id, name or alias (see /entities/resolve).")
        }
        return match.entity.id
    }

    /// `q=`: the ids of the records of `kind` that match a full-text query.
    func matching(kind: String) throws(APIError) -> Set<String>? {
        guard let text = try query.string("q") else { return nil }
        return representation.dataset.search.documentIDs(matching: try searchQuery(text), kinds: [kind])
    }

    /// Parses `q`; an empty or oversized query is a 400 naming `q`.
    func searchQuery(_ text: String) throws(APIError) -> SearchQuery {
        do throws(SearchError) {
            return try SearchQuery(parsing: text)
        } catch {
            throw .invalidParameter("q", value: text, reason: error.description)
        }
    }

    /// A record by id from a path parameter, or 404 naming the id.
    func record<T>(_ collection: String, _ lookup: (String) -> T?) throws(APIError) -> T {
        let id = parameters["id"] ?? ""
        guard let found = lookup(id) else { throw .notFound(collection: collection, id: id) }
        return found
    }
}
