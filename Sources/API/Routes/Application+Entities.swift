import HTTP
import Store

extension Application {
    /// `/entities`, `/entities/resolve`, `/entities/{id}` and its sub-collections.
    func registerEntityRoutes() {
        resource("/entities", parameters: QueryParameters.paging + ["type", "q", "mentioned"], formats: [.json, .csv]) { context in
            let base = context.knowledgeBase
            // Positions in id order, fixed at load. The gazetteer holds every country and major
            // organisation: by default only entities the loaded articles mention are listed;
            // `mentioned=any` lists all.
            var positions: [Int]
            switch context.query["mentioned"] {
            case nil, "true": positions = base.mentionedEntitiesByID
            case "any": positions = base.entitiesByID
            case let value?:
                throw APIError.invalidParameter("mentioned", value: value, reason: "allowed values: true (the default), any.")
            }
            if let types = try context.query.enumList("type", Entity.Kind.self) {
                positions = positions.filter { types.contains(base.entities[$0].kind) }
            }
            if let ids = try context.matching(kind: "entity") { positions = positions.filter { ids.contains(base.entities[$0].id) } }
            return try context.list(positions.lazy.map { base.entities[$0] }, template: base.entities.first) { context.representation.entity($0) }
        }
        resource("/entities/resolve", parameters: ["name"]) { context in
            guard let name = try context.query.string("name") else {
                throw APIError.invalidParameter("name", value: "", reason: "a name to resolve is required.")
            }
            guard let match = context.knowledgeBase.resolve(name: name) else {
                throw APIError.unresolvedName(name)
            }
            return Rendered(json: .object([
                ("query", .string(name)), ("matched", .string(match.matched)), ("matchedBy", .string(match.source.rawValue)),
                ("entity", context.representation.entity(match.entity)),
            ]))
        }
        resource("/entities/{id}", parameters: []) { context in
            let entity = try context.record("entity", context.knowledgeBase.entity(id:))
            return Rendered(json: context.representation.entity(entity, detailed: true))
        }
        resource("/entities/{id}/articles", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let entity = try context.record("entity", context.knowledgeBase.entity(id:))
            return try context.list(context.knowledgeBase.articles(mentioning: entity.id), template: context.knowledgeBase.articles.first) { context.representation.article($0) }
        }
        resource("/entities/{id}/events", parameters: QueryParameters.paging + ["provenance"], formats: [.json, .csv]) { context in
            let entity = try context.record("entity", context.knowledgeBase.entity(id:))
            let provenances = try context.query.enumList("provenance", Provenance.self)
            let events = context.knowledgeBase.events(involving: entity.id).filter { provenances?.contains($0.provenance) ?? true }
            // Already oldest first (undated last): the knowledge base keeps events in that order.
            return try context.list(events, template: context.knowledgeBase.events.first) { context.representation.event($0) }
        }
        resource("/entities/{id}/proposals", parameters: QueryParameters.paging + ["provenance"], formats: [.json, .csv]) { context in
            let entity = try context.record("entity", context.knowledgeBase.entity(id:))
            let provenances = try context.query.enumList("provenance", Provenance.self)
            let proposals = context.knowledgeBase.proposals(involving: entity.id).filter { provenances?.contains($0.provenance) ?? true }
            return try context.list(proposals.sorted { $0.id < $1.id }, template: context.knowledgeBase.proposals.first) { context.representation.proposal($0) }
        }
        resource("/entities/{id}/mentions", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let entity = try context.record("entity", context.knowledgeBase.entity(id:))
            return try context.list(context.knowledgeBase.mentions(ofEntity: entity.id), template: context.knowledgeBase.mentions.first) {
                context.representation.mention($0)
            }
        }
    }
}
