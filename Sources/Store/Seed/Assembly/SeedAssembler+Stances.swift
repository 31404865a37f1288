/// Positions from articles that no curator has annotated (``unannotatedArticles()``): each extracted stance becomes a
/// position on the proposal of its topic's kind (the only one of that kind, or the one whose
/// title or summary names the topic), or on a proposal created for the topic and marked
/// `extracted`. A stance already recorded (same actor, stance and date) gains the sentence as a
/// source instead of a second position, so a syndicated copy adds evidence, never a record.
/// Curated positions are never changed, only cited beside.
extension SeedAssembler {
    mutating func mergeExtractedStances(_ base: KnowledgeBase, from unannotated: [String]) -> Bool {
        let extractor = StanceExtractor(knowledgeBase: base)
        var proposalForTopic: [String: Int] = [:]
        var merge = StanceMerge()
        for candidate in unannotated.flatMap({ extractor.candidates(inArticle: $0) }) {
            guard let topic = StanceExtractor.topic(candidate.topic) else { continue }
            let index = proposalForTopic[topic.id] ?? proposalIndex(for: topic) ?? createProposal(for: topic, candidate)
            proposalForTopic[topic.id] = index
            merge.add(candidate, to: index, in: &proposals)
        }
        // Sources and first-reported dates once per proposal touched, not once per stance.
        for index in merge.touched {
            var proposal = proposals[index]
            let cited = proposal.evidence + proposal.conditions.flatMap(\.evidence) + proposal.positions.flatMap(\.evidence)
            proposal.articles = SeedAssembler.distinctArticles(cited)
            proposal.firstReported = proposal.articles.compactMap { articleIndex[$0].flatMap { articles[$0].published } }.min()
            proposals[index] = proposal
        }
        return !merge.touched.isEmpty
    }

    /// The proposal a topic's stance is about: the one of the topic's kind whose title or summary
    /// names one of the topic's terms, else the only proposal of a kind no other topic shares.
    func proposalIndex(for topic: StanceLexicon.Topic) -> Int? {
        let ofKind = proposals.indices.filter { proposals[$0].kind == topic.kind }
        if let created = ofKind.first(where: { proposals[$0].id == "extracted-" + topic.id }) { return created }
        let named = ofKind.filter { index in
            let text = (proposals[index].title + " " + proposals[index].summary).lowercased()
            return topic.terms.contains { text.contains($0) }
        }
        if let first = named.first { return first }
        // The only proposal of the kind, when no other topic shares the kind (NATO membership is
        // not the NATO-like guarantee, though both are collective defence).
        let topicsOfKind = StanceLexicon.topics.filter { $0.kind == topic.kind }.count
        return ofKind.count == 1 && topicsOfKind == 1 && proposals[ofKind[0]].provenance == .curated && topic.kind != .other
            ? ofKind[0] : nil
    }

    mutating func createProposal(for topic: StanceLexicon.Topic, _ candidate: StanceExtractor.Candidate) -> Int {
        var proposal = Proposal(
            id: "extracted-" + topic.id, title: topic.title, kind: topic.kind, summary: candidate.quote, proposers: [],
            guarantors: [], beneficiary: nil, conditions: [], status: .proposed, positions: [],
            evidence: [candidate.evidence], enrichment: ["title", "status"], articles: [], firstReported: nil
        )
        proposal.provenance = .extracted
        proposal.confidence = candidate.confidence
        proposal.rule = "topic:" + topic.id
        proposals.append(proposal)
        proposalIDs.insert(proposal.id)
        return proposals.count - 1
    }
}

/// Positions being added, indexed so each stance is placed in constant time: by actor, stance
/// and date, and by actor, stance and sentence (a syndicated copy published later).
struct StanceMerge {
    private(set) var touched: Set<Int> = []
    private var byDate: [String: Int] = [:]
    private var byQuote: [String: Int] = [:]
    private var cited: Set<String> = []

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
        let quoteKey = Self.key(index, candidate.entity, candidate.stance, EventExtractor.sentenceKey(candidate.quote))
        if let existing = byDate[dateKey] ?? byQuote[quoteKey] {
            let position = proposals[index].positions[existing]
            guard cited.insert("\(existing)|\(index)|\(evidence.article)|\(evidence.paragraph)|\(evidence.start)").inserted,
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
        cited.insert("\(offset)|\(index)|\(evidence.article)|\(evidence.paragraph)|\(evidence.start)")
        if proposals[index].provenance == .extracted {
            proposals[index].confidence = max(proposals[index].confidence ?? 0, candidate.confidence)
        }
    }

    static func key(_ index: Int, _ entity: String, _ stance: Position.Stance, _ detail: String) -> String {
        "\(index)|\(entity)|\(stance.rawValue)|\(detail)"
    }
}
