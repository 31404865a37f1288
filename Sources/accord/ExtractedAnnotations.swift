import API
import Store

/// Extracted records in the seed annotation format (the shape `events.json`, `proposals.json`
/// and `entities.json` take), with a line per record saying how sure the rules are.
struct ExtractedAnnotations {
    let json: JSON
    let notes: [String]

    /// `article`: only what that article adds; nil for every unannotated article.
    init(base: KnowledgeBase, report: LoadReport, article: String?) {
        func wanted(_ evidence: [Evidence]) -> [Evidence] {
            evidence.filter { $0.provenance == .extracted && (article == nil || $0.article == article) }
        }
        var notes: [String] = []
        var events: [JSON] = []
        var sources: [JSON] = []
        for event in base.events {
            let evidence = wanted(event.evidence)
            guard !evidence.isEmpty else { continue }
            if event.provenance == .extracted {
                events.append(Self.event(event, evidence: evidence))
                notes.append("event \(event.id): confidence \(event.confidence ?? 0), rule \(event.rule ?? "")"
                    + event.notes.map { "; " + $0 }.joined())
            } else {
                sources.append(.object([("event", .string(event.id)), ("evidence", Self.evidence(evidence))]))
                notes.append("source of \(event.id): \(evidence.map(\.article).joined(separator: ", "))"
                    + event.notes.map { "; " + $0 }.joined())
            }
        }
        var proposals: [JSON] = []
        var positions: [JSON] = []
        for proposal in base.proposals {
            var extracted: [Position] = []
            for position in proposal.positions where position.provenance == .extracted && !wanted(position.evidence).isEmpty {
                extracted.append(position)
                notes.append("position \(position.entity) \(position.stance.rawValue) on \(proposal.id): "
                    + "confidence \(position.confidence ?? 0), rule \(position.rule ?? "")")
            }
            guard !extracted.isEmpty else { continue }
            if proposal.provenance == .extracted {
                proposals.append(Self.proposal(proposal, positions: extracted.map { Self.position($0, evidence: wanted($0.evidence)) }))
                notes.append("proposal \(proposal.id): confidence \(proposal.confidence ?? 0), rule \(proposal.rule ?? "")")
            } else {
                for position in extracted {
                    positions.append(.object([("proposal", .string(proposal.id)), ("position", Self.position(position, evidence: wanted(position.evidence)))]))
                }
            }
        }
        var entities: [JSON] = []
        var entityIDs: Set<String> = []
        for found in report.extractedEntities where article == nil || found.article == article {
            guard entityIDs.insert(found.id).inserted else { continue }
            entities.append(.object([
                ("id", .string(found.id)), ("type", .string(found.kind.rawValue)), ("name", .string(found.name)), ("aliases", .array([])),
            ]))
            notes.append("entity \(found.id): rule \(found.rule), in \(found.article): \(found.quote)")
        }
        json = .object([
            ("events", .array(events)), ("proposals", .array(proposals)), ("entities", .array(entities)),
            ("positions", .array(positions)), ("sources", .array(sources)),
        ])
        self.notes = notes
    }

    static func evidence(_ items: [Evidence]) -> JSON {
        .array(items.map { .object([("article", .string($0.article)), ("quote", .string($0.quote))]) })
    }

    static func event(_ event: Event, evidence: [Evidence]) -> JSON {
        .object([
            ("id", .string(event.id)), ("title", .string(event.title)), ("kind", .string(event.kind.rawValue)),
            ("status", .string(event.status.rawValue)), ("start", JSON.datePoint(event.start)), ("end", JSON.datePoint(event.end)),
            ("location", .optional(event.location)),
            ("participants", .array(event.participants.map { .object([("entity", .string($0.entity)), ("role", .string($0.role.rawValue))]) })),
            ("summary", .string(event.summary)), ("proposals", .strings(event.proposals)),
            ("evidence", Self.evidence(evidence)), ("enrichment", .strings(event.enrichment)),
        ])
    }

    static func position(_ position: Position, evidence: [Evidence]) -> JSON {
        .object([
            ("entity", .string(position.entity)), ("stance", .string(position.stance.rawValue)),
            ("date", JSON.datePoint(position.date)), ("evidence", Self.evidence(evidence)),
        ])
    }

    static func proposal(_ proposal: Proposal, positions: [JSON]) -> JSON {
        .object([
            ("id", .string(proposal.id)), ("title", .string(proposal.title)), ("kind", .string(proposal.kind.rawValue)),
            ("summary", .string(proposal.summary)), ("proposers", .strings(proposal.proposers)),
            ("guarantors", .strings(proposal.guarantors)), ("beneficiary", .optional(proposal.beneficiary)),
            ("conditions", .array([])), ("status", .string(proposal.status.rawValue)), ("positions", .array(positions)),
            ("evidence", Self.evidence(proposal.evidence)), ("enrichment", .strings(proposal.enrichment)),
        ])
    }
}
