extension SearchIndex {
    /// A query clause bound to the index: where its matches start.
    struct ResolvedClause: Sendable {
        /// Token numbers where a match starts, ascending.
        let starts: ArraySlice<UInt32>
        /// Tokens per match: 1 for a term, the phrase length for a phrase.
        let length: Int
        let inverseDocumentFrequency: Double
        /// Per start, when the alternatives of an `anyOf` clause differ in length.
        var lengths: [Int]? = nil

        func length(at position: Int) -> Int {
            lengths.map { $0[position - starts.startIndex] } ?? length
        }
    }

    /// A matching document and its score, before sorting.
    struct RankedDocument: Sendable {
        let document: Int32
        let score: Double
    }

    /// Binds each clause to its matches. Under `all` (a filter), nil when one of them matches
    /// nowhere; under `any` (ranked search), clauses matching nowhere are left out, and nil
    /// only when none matches.
    func resolve(_ query: SearchQuery, all: Bool = true) -> [ResolvedClause]? {
        var result: [ResolvedClause] = []
        result.reserveCapacity(query.clauses.count)
        for clause in query.clauses {
            let resolved: ResolvedClause?
            switch clause {
            case .term(let term):
                resolved = resolveTerm(term)
            case .phrase(let terms):
                resolved = resolvePhrase(terms)
            case .anyOf(let alternatives):
                resolved = resolveAlternatives(alternatives)
            }
            if let resolved {
                result.append(resolved)
            } else if all {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    private func resolveTerm(_ term: String) -> ResolvedClause? {
        guard let number = storage.termNumbers[term] else { return nil }
        let frequency = Int(storage.documentFrequencies[Int(number)])
        return ResolvedClause(
            starts: storage.postings(ofTerm: number), length: 1,
            inverseDocumentFrequency: storage.inverseDocumentFrequency(frequency)
        )
    }

    /// Every match of any alternative, merged in token order; df counts documents with any.
    private func resolveAlternatives(_ alternatives: [[String]]) -> ResolvedClause? {
        var matches: [(start: UInt32, length: Int)] = []
        for alternative in alternatives {
            guard let resolved = alternative.count == 1 ? resolveTerm(alternative[0]) : resolvePhrase(alternative) else { continue }
            for start in resolved.starts { matches.append((start, resolved.length)) }
        }
        guard !matches.isEmpty else { return nil }
        matches.sort { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }
        var starts: [UInt32] = []
        var lengths: [Int] = []
        var documents = 0
        var lastDocument: Int32 = -1
        var cursor = FieldCursor(storage)
        for match in matches where starts.last != match.start {
            starts.append(match.start)
            lengths.append(match.length)
            let document = cursor.document(of: match.start, in: storage)
            if document != lastDocument {
                lastDocument = document
                documents += 1
            }
        }
        var clause = ResolvedClause(
            starts: starts[...], length: lengths.max() ?? 1, inverseDocumentFrequency: storage.inverseDocumentFrequency(documents)
        )
        clause.lengths = lengths
        return clause
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
        var cursor = FieldCursor(storage)
        for token in storage.postings(ofTerm: numbers[pivot]) {
            guard token >= UInt32(pivot) else { continue }
            let start = token - UInt32(pivot)
            let field = cursor.field(of: token)
            guard start >= storage.fieldTokens[field], start + length <= storage.fieldTokens[field + 1] else {
                continue
            }
            var matched = true
            for (offset, number) in numbers.enumerated()
            where offset != pivot && !storage.token(start + UInt32(offset), isTerm: number) {
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

    /// Documents matching any clause (and `kinds`), scored, unsorted: the BM25F sum over the
    /// clauses a document matches, times the share of the query's clauses it matches
    /// (`clauseCount`, counting those that match nowhere), so a document with every word leads.
    func rankAny(_ clauses: [ResolvedClause], clauseCount: Int, kinds: Set<String>?) -> [RankedDocument] {
        guard let allowed = kindFlags(kinds) else { return [] }
        var scores: [Int32: (score: Double, matched: Int)] = [:]
        for clause in clauses {
            eachDocument(clause, allowed: allowed) { document, frequency in
                let previous = scores[document] ?? (0, 0)
                scores[document] = (previous.score + saturate(frequency, clause), previous.matched + 1)
            }
        }
        let total = Double(max(clauseCount, 1))
        return scores.map { document, value in
            RankedDocument(document: document, score: value.score * Double(value.matched) / total)
        }
    }

    /// Per kind number, whether `kinds` allows it (`[]` when no filter); nil when it allows none.
    func kindFlags(_ kinds: Set<String>?) -> [Bool]? {
        guard let kinds else { return [] }
        let flags = storage.kindNames.map { kinds.contains($0) }
        return flags.contains(true) ? flags : nil
    }

    /// Calls `body` once per allowed document the clause matches, with its weighted frequency.
    func eachDocument(_ clause: ResolvedClause, allowed: [Bool], _ body: (Int32, Double) -> Void) {
        var document: Int32 = -1
        var frequency = 0.0
        func flush() {
            guard document >= 0, allowed.isEmpty || allowed[Int(storage.documentKinds[Int(document)])] else { return }
            body(document, frequency)
        }
        var cursor = FieldCursor(storage)
        for token in clause.starts {
            let field = cursor.field(of: token)
            let owner = storage.fieldDocuments[field]
            if owner != document {
                flush()
                document = owner
                frequency = 0
            }
            frequency += storage.fieldFactors[field]
        }
        flush()
    }

    /// Documents matching every clause (and `kinds`), scored, unsorted.
    func rank(_ clauses: [ResolvedClause], kinds: Set<String>?) -> [RankedDocument] {
        guard !clauses.isEmpty, let allowed = kindFlags(kinds) else { return [] }
        // Scan the clause with the fewest matches; probe the others per candidate.
        let order = clauses.indices.sorted { left, right in
            let leftCount = clauses[left].starts.count
            let rightCount = clauses[right].starts.count
            return leftCount != rightCount ? leftCount < rightCount : left < right
        }
        let first = clauses[order[0]]
        var candidates: [RankedDocument] = []
        eachDocument(first, allowed: allowed) { document, frequency in
            candidates.append(RankedDocument(document: document, score: saturate(frequency, first)))
        }

        for index in order.dropFirst() {
            let clause = clauses[index]
            var kept: [RankedDocument] = []
            kept.reserveCapacity(candidates.count)
            var cursor = FieldCursor(storage)
            for candidate in candidates {
                let end = storage.firstToken(ofDocument: Int(candidate.document) + 1)
                let documentStart = storage.firstToken(ofDocument: Int(candidate.document))
                var position = SearchIndexStorage.lowerBound(of: documentStart, in: clause.starts)
                let found = position
                var frequency = 0.0
                while position < clause.starts.endIndex, clause.starts[position] < end {
                    frequency += storage.fieldFactors[cursor.field(of: clause.starts[position])]
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
