extension Proposal {
    func compacted(by compactor: Compactor) -> Proposal {
        var copy = Proposal(
            id: compactor.string(id), title: compactor.string(title), kind: kind, summary: compactor.string(summary),
            proposers: compactor.strings(proposers), guarantors: compactor.strings(guarantors),
            beneficiary: compactor.string(beneficiary),
            conditions: compactor.array(conditions) {
                Condition(text: compactor.string($0.text), evidence: compactor.array($0.evidence) { $0.compacted(by: compactor) })
            },
            status: status, positions: compactor.array(positions) { $0.compacted(by: compactor) },
            evidence: compactor.array(evidence) { $0.compacted(by: compactor) },
            enrichment: compactor.strings(enrichment), articles: compactor.strings(articles),
            firstReported: firstReported?.compacted(by: compactor)
        )
        copy.provenance = provenance
        copy.confidence = confidence
        copy.rule = compactor.string(rule)
        copy.statusAsOf = statusAsOf?.compacted(by: compactor)
        return copy
    }
}

extension Position {
    func compacted(by compactor: Compactor) -> Position {
        var copy = Position(entity: compactor.string(entity), stance: stance, date: date?.compacted(by: compactor),
                            evidence: compactor.array(evidence) { $0.compacted(by: compactor) })
        copy.provenance = provenance
        copy.confidence = confidence
        copy.rule = compactor.string(rule)
        return copy
    }
}
