import HTTP
import Store

extension Application {
    static let searchKinds = ["article", "entity", "event", "proposal"]

    /// `/search?q=` across every resource, ranked (BM25F), each hit with a marked snippet.
    func registerSearchRoutes() {
        resource("/search", parameters: QueryParameters.paging + ["q", "type"], formats: [.json, .csv]) { context in
            guard let text = try context.query.string("q") else {
                throw APIError.invalidParameter("q", value: "", reason: "a search query is required, e.g. q=security+guarantees or q=\"security guarantees\".")
            }
            let kinds = try context.query.list("type", allowed: Self.searchKinds).map(Set.init)
            let parsed = try context.searchQuery(text)
            let results = context.representation.dataset.search.search(parsed, kinds: kinds)
            let hits = Array(results.indices)
            return try context.list(hits) { index in
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
