/// The ranked hits of one search, as a lazy random-access collection.
///
/// `count` and the order are fixed when the search runs; reading an element
/// picks the document's best field and builds its snippet then (a few
/// microseconds), every time it is read. Page by slicing
/// (`results[offset..<min(offset + limit, results.count)]`); `ids` gives the
/// ranked ids without building any snippet. Immutable and `Sendable`.
public struct SearchResults: RandomAccessCollection, Sendable {
    let storage: SearchIndexStorage
    let clauses: [SearchIndex.ResolvedClause]
    let ranked: [SearchIndex.RankedDocument]

    public var startIndex: Int { 0 }
    public var endIndex: Int { ranked.count }

    /// Ranked document ids, best first.
    public var ids: [String] {
        ranked.map { storage.documentIDs[Int($0.document)] }
    }

    /// The kind and id of the hit at `position`, without building its snippet (for filtering).
    public func identity(at position: Int) -> (kind: String, id: String) {
        let document = Int(ranked[position].document)
        return (storage.kindNames[Int(storage.documentKinds[document])], storage.documentIDs[document])
    }

    public subscript(position: Int) -> SearchHit {
        let entry = ranked[position]
        let document = Int(entry.document)
        let field = bestField(of: document)
        let snippet = SearchSnippetBuilder(storage: storage, clauses: clauses).snippet(field: field)
        return SearchHit(
            id: storage.documentIDs[document],
            kind: storage.kindNames[Int(storage.documentKinds[document])],
            score: entry.score,
            field: storage.fieldNames[field],
            fieldIndex: field - Int(storage.documentFields[document]),
            snippet: snippet
        )
    }

    /// The field with the largest idf-weighted BM25F contribution, then the
    /// most matches, then the lowest index. Every hit has a match somewhere.
    private func bestField(of document: Int) -> Int {
        let firstField = Int(storage.documentFields[document])
        let fieldCount = Int(storage.documentFields[document + 1]) - firstField
        var weights = [Double](repeating: 0, count: fieldCount)
        var counts = [Int](repeating: 0, count: fieldCount)
        let first = storage.firstToken(ofDocument: document)
        let end = storage.firstToken(ofDocument: document + 1)
        var cursor = FieldCursor(storage)
        for clause in clauses {
            var position = SearchIndexStorage.lowerBound(of: first, in: clause.starts)
            while position < clause.starts.endIndex, clause.starts[position] < end {
                let field = cursor.field(of: clause.starts[position])
                weights[field - firstField] += clause.inverseDocumentFrequency * storage.fieldFactors[field]
                counts[field - firstField] += 1
                position += 1
            }
        }
        var best = 0
        for candidate in 1..<Swift.max(fieldCount, 1)
        where (weights[candidate], counts[candidate]) > (weights[best], counts[best]) {
            best = candidate
        }
        return firstField + best
    }
}
