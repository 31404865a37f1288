/// An immutable full-text index over `SearchDocument`s: an inverted index
/// with token positions and original character offsets, ranked with BM25F.
///
/// Build it once (e.g. at load) and share it: it is a `Sendable` value over
/// read-only storage, and every method may run concurrently from any thread.
/// It depends on no model type; callers map hits back by `(kind, id)`.
///
/// Matching: ranked search takes documents matching any clause, the score times the share of
/// clauses matched (a coordination boost); `documentIDs(matching:)` (filters) takes documents
/// matching every clause. A phrase matches consecutive tokens within one field; an `anyOf`
/// clause matches any of its alternatives (an entity's names). Terms are normalised by
/// `SearchTokenizer` (case, diacritics, curly quotes, possessives, acronyms,
/// plurals), identically for documents and queries.
///
/// Ranking: BM25F with k1 = 1.2, b = 0.75. A match in a field counts
/// `weight / (1 - b + b * len / avgLen)`, where `len` is the document's
/// token count over all fields with that name and `avgLen` its average over
/// the documents that have the field. Per clause these add up to `tf`, and the
/// score is the sum over clauses of `idf * tf * (k1 + 1) / (tf + k1)`, with
/// `idf = ln(1 + (N - df + 0.5) / (df + 0.5))` over all documents (a phrase's
/// df is the number of documents containing the phrase). Equal scores are
/// ordered by kind, then id, then input order, so the order is total and stable.
///
/// - Complexity: building is O(total text length); a query is O(postings of
///   its rarest clause + hits × other clauses × log postings + hits log hits).
public struct SearchIndex: Sendable {
    let storage: SearchIndexStorage

    public init(documents: [SearchDocument]) {
        var builder = SearchIndexBuilder()
        builder.add(documents)
        storage = builder.build()
    }

    init(builder: SearchIndexBuilder) {
        storage = builder.build()
    }

    init(storage: SearchIndexStorage) {
        self.storage = storage
    }

    /// Number of documents indexed.
    public var count: Int { storage.documentCount }

    /// Ranked hits for `query`, optionally only of the given kinds.
    ///
    /// The result is a lazy collection: the count and the ranking are computed
    /// here, each hit's field and snippet only when it is read, so page with
    /// `results[offset..<end]` rather than mapping every hit.
    public func search(_ query: SearchQuery, kinds: Set<String>? = nil) -> SearchResults {
        guard let clauses = resolve(query, all: false) else {
            return SearchResults(storage: storage, clauses: [], ranked: [])
        }
        var ranked = rankAny(clauses, clauseCount: query.clauses.count, kinds: kinds)
        let storage = storage
        ranked.sort { left, right in
            if left.score != right.score { return left.score > right.score }
            let leftKind = storage.kindNames[Int(storage.documentKinds[Int(left.document)])]
            let rightKind = storage.kindNames[Int(storage.documentKinds[Int(right.document)])]
            if leftKind != rightKind { return leftKind < rightKind }
            let leftID = storage.documentIDs[Int(left.document)]
            let rightID = storage.documentIDs[Int(right.document)]
            if leftID != rightID { return leftID < rightID }
            return left.document < right.document
        }
        return SearchResults(storage: storage, clauses: clauses, ranked: ranked)
    }

    /// Parses `text` (see `SearchQuery`) and searches.
    /// - Throws: `SearchError` when the text is not a usable query.
    public func search(
        _ text: String, kinds: Set<String>? = nil, names: ((String) -> [String]?)? = nil
    ) throws(SearchError) -> SearchResults {
        search(try SearchQuery(parsing: text, names: names), kinds: kinds)
    }

    /// Ids of the documents matching `query`, unranked and without snippets:
    /// for filtering a listing, e.g. `/events?q=alaska` with `kinds: ["event"]`.
    public func documentIDs(matching query: SearchQuery, kinds: Set<String>? = nil) -> Set<String> {
        guard let clauses = resolve(query) else { return [] }
        return Set(rank(clauses, kinds: kinds).map { storage.documentIDs[Int($0.document)] })
    }

    /// Whether the document `(kind, id)` matches `query`; false if it is not indexed.
    public func matches(kind: String, id: String, query: SearchQuery) -> Bool {
        guard let document = storage.documentNumbers[kind]?[id], let clauses = resolve(query) else {
            return false
        }
        let first = storage.firstToken(ofDocument: Int(document))
        let end = storage.firstToken(ofDocument: Int(document) + 1)
        return clauses.allSatisfy { clause in
            let index = SearchIndexStorage.lowerBound(of: first, in: clause.starts)
            return index < clause.starts.endIndex && clause.starts[index] < end
        }
    }
}
