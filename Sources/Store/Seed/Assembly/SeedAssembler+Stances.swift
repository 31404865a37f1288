/// Positions from articles that no curator has annotated (``unannotatedArticles()``): each extracted stance becomes a
/// position on the proposal of its topic's kind (the only one of that kind, or the one whose
/// title or summary names the topic), or on a proposal created for the topic and marked
/// `extracted`. A stance already recorded (same actor, stance and date) gains the sentence as a
/// source instead of a second position, so a syndicated copy adds evidence, never a record.
/// Curated positions are never changed, only cited beside.
extension SeedAssembler {
    mutating func mergeExtractedStances(_ candidates: [StanceExtractor.Candidate]) -> Bool {
        var proposalForTopic: [String: Int] = [:]
        var merge = StanceMerge()
        for candidate in candidates {
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
            return (topic.proposalTerms ?? topic.terms).contains { text.contains($0) }
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
