import HTTP
import Store

extension Application {
    static let searchKinds = ["article", "entity", "event", "proposal"]

    /// `/search?q=` across every resource, ranked (BM25F), each hit with a marked snippet;
    /// `entity=` keeps the hits that involve the entity (or, by default, what acts for it).
    func registerSearchRoutes() {
        resource("/search", parameters: QueryParameters.paging + ["q", "type", "entity", "match"], formats: [.json, .csv]) { context in
            guard let text = try context.query.string("q") else {
                throw APIError.invalidParameter("q", value: "", reason: "a search query is required, e.g. q=security+guarantees or q=\"security guarantees\".")
            }
            let kinds = try context.query.list("type", allowed: Self.searchKinds).map(Set.init)
            let parsed = try context.searchQuery(text)
            let results = context.representation.dataset.search.search(parsed, kinds: kinds)
            let scope = try context.entityScope("entity", exact: try context.exactMatch())
            let involved = scope.map { Self.involving($0.ids, context.knowledgeBase) }
            let hits = results.indices.filter { index in
                guard let involved else { return true }
                let hit = results.identity(at: index)
                return involved.contains(hit.kind + ":" + hit.id)
            }
            return try context.list(hits, meta: EntityScope.meta([scope])) { index in
                let hit = results[index]
                return .object([
                    ("type", .string(hit.kind)), ("id", .string(hit.id)), ("title", .string(Self.title(of: hit, context.knowledgeBase))),
                    ("score", .double((hit.score * 1000).rounded() / 1000)), ("field", .string(hit.field)),
                    ("snippet", .string(hit.snippet)),
                    ("links", .object([("self", .string(context.representation.url("/\(Self.collection(hit.kind))/\(hit.id)")))])),
                ])
            }
        }
    }

    /// "kind:id" of every record that involves one of `entities`: the entities themselves, the
    /// articles that mention them, the events and proposals they take part in.
    static func involving(_ entities: [String], _ base: KnowledgeBase) -> Set<String> {
        var keys = Set<String>()
        for id in entities {
            keys.insert("entity:" + id)
            for article in base.articles(mentioning: id) { keys.insert("article:" + article.id) }
            for event in base.events(involving: id) { keys.insert("event:" + event.id) }
            for proposal in base.proposals(involving: id) { keys.insert("proposal:" + proposal.id) }
        }
        return keys
    }

    static func collection(_ kind: String) -> String {
        kind == "entity" ? "entities" : kind + "s"
    }

    static func title(of hit: SearchHit, _ base: KnowledgeBase) -> String {
        switch hit.kind {
        case "article": return base.article(id: hit.id)?.title ?? hit.id
        case "entity": return base.entity(id: hit.id)?.name ?? hit.id
        case "event": return base.event(id: hit.id)?.title ?? hit.id
        default: return base.proposal(id: hit.id)?.title ?? hit.id
        }
    }
}
