import HTTP
import Store

extension Application {
    /// `/proposals` and `/proposals/{id}`.
    func registerProposalRoutes() {
        let filters = ["kind", "status", "proposer", "supporter", "opponent", "entity", "match", "q", "sort", "provenance"]
        resource("/proposals", parameters: QueryParameters.paging + filters, formats: [.json, .csv]) { context in
            let query = context.query
            var filter = ProposalFilter()
            let exact = try context.exactMatch()
            filter.kinds = try query.enumList("kind", Proposal.Kind.self).map(Set.init)
            filter.statuses = try query.enumList("status", Proposal.Status.self).map(Set.init)
            filter.provenances = try query.enumList("provenance", Provenance.self).map(Set.init)
            let proposer = try context.entityScope("proposer", exact: exact)
            let supporter = try context.entityScope("supporter", exact: exact)
            let opponent = try context.entityScope("opponent", exact: exact)
            let entity = try context.entityScope("entity", exact: exact)
            filter.proposers = proposer.map { Set($0.ids) }
            filter.supporters = supporter.map { Set($0.ids) }
            filter.opponents = opponent.map { Set($0.ids) }
            filter.involving = entity.map { Set($0.ids) }
            filter.ids = try context.matching(kind: "proposal")
            let proposals = context.knowledgeBase.proposals(matching: filter)
            let sorted = try Self.sortedByDate(proposals, query, date: { $0.firstReported }, id: { $0.id })
            let meta = EntityScope.meta([proposer, supporter, opponent, entity])
            return try context.list(sorted, template: context.knowledgeBase.proposals.first, meta: meta) { context.representation.proposal($0) }
        }
        resource("/proposals/{id}/positions", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let proposal = try context.record("proposal", context.knowledgeBase.proposal(id:))
            let template = context.knowledgeBase.proposals.lazy.compactMap(\.positions.first).first
            return try context.list(proposal.positions, template: template) { context.representation.position($0) }
        }
        resource("/proposals/{id}", parameters: []) { context in
            let proposal = try context.record("proposal", context.knowledgeBase.proposal(id:))
            return Rendered(json: context.representation.proposal(proposal))
        }
    }
}
