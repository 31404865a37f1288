/// What `/proposals` asks of the store (see ``EventFilter``).
public struct ProposalFilter: Sendable {
    public var statuses: Set<Proposal.Status>?
    public var kinds: Set<Proposal.Kind>?
    public var provenances: Set<Provenance>?
    /// A proposer is in the set.
    public var proposers: Set<String>?
    /// A proposer, or an entity with a `support` position, is in the set.
    public var supporters: Set<String>?
    /// An entity with an `oppose` position is in the set.
    public var opponents: Set<String>?
    /// A proposer, guarantor, the beneficiary or a position holder is in the set.
    public var involving: Set<String>?
    public var ids: Set<String>?

    public init() {}

    func admits(_ proposal: Proposal) -> Bool {
        if let statuses, !statuses.contains(proposal.status) { return false }
        if let kinds, !kinds.contains(proposal.kind) { return false }
        if let provenances, !provenances.contains(proposal.provenance) { return false }
        if let proposers, !proposal.proposers.contains(where: proposers.contains) { return false }
        if let supporters, !proposal.proposers.contains(where: supporters.contains),
           !proposal.positions.contains(where: { $0.stance == .support && supporters.contains($0.entity) }) { return false }
        if let opponents, !proposal.positions.contains(where: { $0.stance == .oppose && opponents.contains($0.entity) }) { return false }
        if let involving {
            let parties = proposal.proposers + proposal.guarantors + [proposal.beneficiary ?? ""] + proposal.positions.map(\.entity)
            if !parties.contains(where: involving.contains) { return false }
        }
        if let ids, !ids.contains(proposal.id) { return false }
        return true
    }
}
