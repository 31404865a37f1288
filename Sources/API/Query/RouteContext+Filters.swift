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

    /// An entity filter's value and who it includes: by default the entity and everything that
    /// acts for it, belongs to it or lies in it (``KnowledgeBase/scope(of:)``); with `exact`
    /// (`match=exact`, read once per request by ``exactMatch()``), the entity alone.
    func entityScope(_ parameter: String, exact: Bool) throws(APIError) -> EntityScope? {
        guard let id = try entityID(parameter) else { return nil }
        let ids = exact ? [id] : knowledgeBase.scope(of: id)
        return EntityScope(parameter: parameter, id: id, ids: ids)
    }

    /// `match=exact` (true) or `match=expand` (false, the default); anything else is a 400,
    /// whether or not an entity filter is given.
    func exactMatch() throws(APIError) -> Bool {
        guard let value = try query.string("match") else { return false }
        guard value == "exact" || value == "expand" else {
            throw .invalidParameter("match", value: value, reason: "allowed values: expand, exact.")
        }
        return value == "exact"
    }

    /// `q=`: the ids of the records of `kind` that match a full-text query.
    func matching(kind: String) throws(APIError) -> Set<String>? {
        guard let text = try query.string("q") else { return nil }
        return representation.dataset.search.documentIDs(matching: try searchQuery(text), kinds: [kind])
    }

    /// Parses a search query (`q`, or `highlight`); an empty or oversized query is a 400 naming
    /// the parameter. A run of words naming an entity matches any of its names.
    func searchQuery(_ text: String, parameter: String = "q") throws(APIError) -> SearchQuery {
        do throws(SearchError) {
            return try SearchQuery(parsing: text, names: knowledgeBase.searchNames(for:))
        } catch {
            throw .invalidParameter(parameter, value: text, reason: error.description)
        }
    }

    /// A record by id from a path parameter, or 404 naming the id.
    func record<T>(_ collection: String, _ lookup: (String) -> T?) throws(APIError) -> T {
        let id = parameters["id"] ?? ""
        guard let found = lookup(id) else { throw .notFound(collection: collection, id: id) }
        return found
    }
}
