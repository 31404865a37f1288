/// Positions being added, indexed so each stance is placed in constant time: by actor, stance
/// and date, and by actor, stance and sentence (a syndicated copy published later).
struct StanceMerge {
    /// A proposal's position by actor and stance, and a date or a sentence key. Hashed by its
    /// parts: a key string built per stance was an allocation each, on the load's one serial thread.
    struct Key: Hashable {
        let proposal: Int
        let entity: String
        let stance: Position.Stance
        let detail: String
    }

    /// A sentence already cited by a position: the position, the proposal, and where the sentence is.
    struct Citation: Hashable {
        let position: Int
        let proposal: Int
        let article: String
        let paragraph: Int
        let start: Int
    }

    private(set) var touched: Set<Int> = []
    private var byDate: [Key: Int] = [:]
    private var byQuote: [Key: Int] = [:]
    private var cited: Set<Citation> = []

    /// Adds the stance as a position, or as a new source of the same stance already recorded.
    mutating func add(_ candidate: StanceExtractor.Candidate, to index: Int, in proposals: inout [Proposal]) {
        if touched.insert(index).inserted {
            for (offset, position) in proposals[index].positions.enumerated() {
                byDate[Self.key(index, position.entity, position.stance, position.date?.iso ?? "-")] = offset
                for item in position.evidence {
                    byQuote[Self.key(index, position.entity, position.stance, EventExtractor.sentenceKey(item.quote))] = offset
                }
            }
        }
        let evidence = candidate.evidence
        let dateKey = Self.key(index, candidate.entity, candidate.stance, candidate.date?.iso ?? "-")
        let quoteKey = Self.key(index, candidate.entity, candidate.stance, candidate.copyKey)
        if let existing = byDate[dateKey] ?? byQuote[quoteKey] {
            let position = proposals[index].positions[existing]
            guard cited.insert(Citation(position: existing, proposal: index, article: evidence.article,
                                        paragraph: evidence.paragraph, start: evidence.start)).inserted,
                  !(position.provenance == .curated && position.evidence.contains { $0.overlaps(evidence) }) else { return }
            proposals[index].positions[existing].evidence.append(evidence)
            byQuote[quoteKey] = existing
            return
        }
        var position = Position(entity: candidate.entity, stance: candidate.stance, date: candidate.date, evidence: [evidence])
        position.provenance = .extracted
        position.confidence = candidate.confidence
        position.rule = candidate.rule
        proposals[index].positions.append(position)
        let offset = proposals[index].positions.count - 1
        byDate[dateKey] = offset
        byQuote[quoteKey] = offset
        cited.insert(Citation(position: offset, proposal: index, article: evidence.article, paragraph: evidence.paragraph, start: evidence.start))
        if proposals[index].provenance == .extracted {
            proposals[index].confidence = max(proposals[index].confidence ?? 0, candidate.confidence)
        }
    }

    static func key(_ index: Int, _ entity: String, _ stance: Position.Stance, _ detail: String) -> Key {
        Key(proposal: index, entity: entity, stance: stance, detail: detail)
    }
}
