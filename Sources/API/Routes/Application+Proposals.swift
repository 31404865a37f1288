import HTTP
import Store

extension Application {
    /// `/proposals` and `/proposals/{id}`.
    func registerProposalRoutes() {
        let filters = ["kind", "status", "proposer", "supporter", "opponent", "q", "sort", "provenance"]
        resource("/proposals", parameters: QueryParameters.paging + filters, formats: [.json, .csv]) { context in
            let query = context.query
            let kinds = try query.enumList("kind", Proposal.Kind.self)
            let statuses = try query.enumList("status", Proposal.Status.self)
            let proposer = try context.entityID("proposer")
            let supporter = try context.entityID("supporter")
            let opponent = try context.entityID("opponent")
            let provenances = try query.enumList("provenance", Provenance.self)
            let matching = try context.matching(kind: "proposal")
            let proposals = context.knowledgeBase.proposals.filter { proposal in
                if let kinds, !kinds.contains(proposal.kind) { return false }
                if let statuses, !statuses.contains(proposal.status) { return false }
                if let proposer, !proposal.proposers.contains(proposer) { return false }
                if let supporter, !proposal.positions.contains(where: { $0.entity == supporter && $0.stance == .support })
                    && !proposal.proposers.contains(supporter) { return false }
                if let opponent, !proposal.positions.contains(where: { $0.entity == opponent && $0.stance == .oppose }) { return false }
                if let provenances, !provenances.contains(proposal.provenance) { return false }
                if let matching, !matching.contains(proposal.id) { return false }
                return true
            }
            let sorted = try Self.sortedByDate(proposals, query, date: { $0.firstReported }, id: { $0.id })
            return try context.list(sorted) { context.representation.proposal($0) }
        }
        resource("/proposals/{id}", parameters: []) { context in
            let proposal = try context.record("proposal", context.knowledgeBase.proposal(id:))
            return Rendered(json: context.representation.proposal(proposal))
        }
    }
}
