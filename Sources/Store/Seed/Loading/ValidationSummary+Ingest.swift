/// What `accord validate` says about articles that arrived without curation: where their
/// metadata came from, which temporal expressions it could not resolve, which articles no
/// record cites, and which entities patterns added.
extension ValidationSummary {
    static func ingestLines(_ base: KnowledgeBase, report: LoadReport) -> [String] {
        var lines: [String] = []
        let uncurated = base.articles.filter { !$0.isCurated }
        lines += ["", "articles without curated metadata: \(uncurated.count)"]
        for article in uncurated {
            let missing = [article.outlet == nil ? "outlet" : nil, article.published == nil ? "published" : nil].compactMap { $0 }
            lines.append("  \(article.id): metadata from \(article.metadata.source.rawValue)"
                + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))"))
            for (field, reason) in article.metadata.inferred.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(field) inferred: \(reason)")
            }
            for note in article.metadata.notes { lines.append("    \(note)") }
        }
        // Per article and pure: on every core, in article order.
        let unresolved = Concurrently.map(base.articles) { article -> [String] in
            let resolver = TemporalResolver(reference: article.published?.date)
            return article.paragraphs.flatMap { paragraph in
                resolver.matches(in: paragraph.text).filter { $0.date == nil }.map { match in
                    "  \(article.id) ¶\(paragraph.index): '\(match.text)' (\(match.rule); no publication date to resolve it against)"
                }
            }
        }.flatMap { $0 }
        lines += ["", "temporal expressions not resolved: \(unresolved.count)"]
        lines += unresolved.prefix(100)
        if unresolved.count > 100 { lines.append("  ... \(unresolved.count - 100) more") }
        let uncited = base.articles.filter { base.events(citing: $0.id).isEmpty && base.proposals(citing: $0.id).isEmpty }
        lines += ["", "articles no event or proposal cites: \(uncited.count)"]
        lines += uncited.map { "  \($0.id)" }
        lines += extractionLines(base)
        lines += ["", "entities added by patterns in the text (extracted): \(report.extractedEntities.count)"]
        for entity in report.extractedEntities {
            lines.append("  \(entity.id) (\(entity.kind.rawValue), \(entity.rule)) in \(entity.article): \(preview(entity.quote, limit: 80))")
        }
        return lines
    }

    /// What extraction added: new events, curated or earlier events that gained extracted
    /// sources, extracted proposals, and positions.
    static func extractionLines(_ base: KnowledgeBase) -> [String] {
        let newEvents = base.events.filter { $0.provenance == .extracted }
        let sourced = base.events.filter { $0.provenance == .curated && $0.evidence.contains { $0.provenance == .extracted } }
        let newProposals = base.proposals.filter { $0.provenance == .extracted }
        let positions = base.proposals.flatMap { proposal in
            proposal.positions.filter { $0.provenance == .extracted }.map { (proposal, $0) }
        }
        var lines = ["", "extraction: \(newEvents.count) new events, \(sourced.count) curated events with new sources, "
            + "\(newProposals.count) new proposals, \(positions.count) new positions (all marked extracted)"]
        for event in newEvents {
            lines.append("  event \(event.id) (\(event.status.rawValue), confidence \(event.confidence ?? 0), \(event.rule ?? "")) "
                + "from \(event.articles.joined(separator: ", "))")
        }
        for event in sourced {
            let added = Set(event.evidence.filter { $0.provenance == .extracted }.map(\.article)).sorted()
            lines.append("  event \(event.id) gains \(added.joined(separator: ", "))")
            for note in event.notes { lines.append("    \(note)") }
        }
        for proposal in newProposals { lines.append("  proposal \(proposal.id) (\(proposal.rule ?? ""))") }
        for (proposal, position) in positions {
            lines.append("  position \(position.entity) \(position.stance.rawValue) \(proposal.id) "
                + "(confidence \(position.confidence ?? 0), \(position.rule ?? "")) from \(position.evidence.map(\.article).joined(separator: ", "))")
        }
        return lines
    }
}
