extension SearchIndex {
    /// A query clause bound to the index: where its matches start.
    struct ResolvedClause: Sendable {
        /// Token numbers where a match starts, ascending.
        let starts: ArraySlice<UInt32>
        /// Tokens per match: 1 for a term, the phrase length for a phrase.
        let length: Int
        let inverseDocumentFrequency: Double
    }

    /// A matching document and its score, before sorting.
    struct RankedDocument: Sendable {
        let document: Int32
        let score: Double
    }

    /// Binds each clause to its matches; nil when one of them matches
    /// nowhere, which under AND means no hits.
    func resolve(_ query: SearchQuery) -> [ResolvedClause]? {
        var result: [ResolvedClause] = []
        result.reserveCapacity(query.clauses.count)
        for clause in query.clauses {
            switch clause {
            case .term(let term):
                guard let number = storage.termNumbers[term] else { return nil }
                let frequency = Int(storage.documentFrequencies[Int(number)])
                result.append(ResolvedClause(
                    starts: storage.postings(ofTerm: number),
                    length: 1,
                    inverseDocumentFrequency: storage.inverseDocumentFrequency(frequency)
                ))
            case .phrase(let terms):
                guard let resolved = resolvePhrase(terms) else { return nil }
                result.append(resolved)
            }
        }
        return result
    }

    private func resolvePhrase(_ terms: [String]) -> ResolvedClause? {
        var numbers: [UInt32] = []
        for term in terms {
            guard let number = storage.termNumbers[term] else { return nil }
            numbers.append(number)
        }
        // Walk the rarest term's postings and check its neighbours.
        var pivot = 0
        for (offset, number) in numbers.enumerated()
        where storage.postings(ofTerm: number).count < storage.postings(ofTerm: numbers[pivot]).count {
            pivot = offset
        }
        let length = UInt32(numbers.count)
        var starts: [UInt32] = []
        var frequency = 0
        var lastDocument: Int32 = -1
        for token in storage.postings(ofTerm: numbers[pivot]) {
            guard token >= UInt32(pivot) else { continue }
            let start = token - UInt32(pivot)
            let field = Int(storage.tokenFields[Int(token)])
            guard start >= storage.fieldTokens[field], start + length <= storage.fieldTokens[field + 1] else {
                continue
            }
            var matched = true
            for (offset, number) in numbers.enumerated() where storage.tokenTerms[Int(start) + offset] != number {
                matched = false
                break
            }
            guard matched else { continue }
            starts.append(start)
            let document = storage.fieldDocuments[field]
            if document != lastDocument {
                lastDocument = document
                frequency += 1
            }
        }
        guard !starts.isEmpty else { return nil }
        return ResolvedClause(
            starts: starts[...],
            length: numbers.count,
            inverseDocumentFrequency: storage.inverseDocumentFrequency(frequency)
        )
    }

    /// Documents matching every clause (and `kinds`), scored, unsorted.
    func rank(_ clauses: [ResolvedClause], kinds: Set<String>?) -> [RankedDocument] {
        guard !clauses.isEmpty else { return [] }
        var allowed: [Bool]?
        if let kinds {
            let flags = storage.kindNames.map { kinds.contains($0) }
            guard flags.contains(true) else { return [] }
            allowed = flags
        }
        // Scan the clause with the fewest matches; probe the others per candidate.
        let order = clauses.indices.sorted { left, right in
            let leftCount = clauses[left].starts.count
            let rightCount = clauses[right].starts.count
            return leftCount != rightCount ? leftCount < rightCount : left < right
        }
        let first = clauses[order[0]]
        var candidates: [RankedDocument] = []
        var document: Int32 = -1
        var frequency = 0.0
        func flush() {
            if document >= 0, allowed?[Int(storage.documentKinds[Int(document)])] ?? true {
                candidates.append(RankedDocument(document: document, score: saturate(frequency, first)))
            }
        }
        for token in first.starts {
            let owner = storage.document(ofToken: token)
            if owner != document {
                flush()
                document = owner
                frequency = 0
            }
            frequency += storage.fieldFactors[Int(storage.tokenFields[Int(token)])]
        }
        flush()

        for index in order.dropFirst() {
            let clause = clauses[index]
            var kept: [RankedDocument] = []
            kept.reserveCapacity(candidates.count)
            for candidate in candidates {
                let end = storage.firstToken(ofDocument: Int(candidate.document) + 1)
                let documentStart = storage.firstToken(ofDocument: Int(candidate.document))
                var position = SearchIndexStorage.lowerBound(of: documentStart, in: clause.starts)
                let found = position
                var frequency = 0.0
                while position < clause.starts.endIndex, clause.starts[position] < end {
                    frequency += storage.fieldFactors[Int(storage.tokenFields[Int(clause.starts[position])])]
                    position += 1
                }
                if position > found {
                    kept.append(RankedDocument(
                        document: candidate.document,
                        score: candidate.score + saturate(frequency, clause)
                    ))
                }
            }
            candidates = kept
        }
        return candidates
    }

    private func saturate(_ frequency: Double, _ clause: ResolvedClause) -> Double {
        let k1 = SearchIndexStorage.k1
        return clause.inverseDocumentFrequency * frequency * (k1 + 1) / (frequency + k1)
    }
}
