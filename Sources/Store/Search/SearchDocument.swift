/// A unit of retrieval handed to `SearchIndex`: an opaque id, a kind and
/// the weighted text fields to index.
///
/// The index knows nothing about the models behind a document; callers map
/// their own records (articles, entities, events, proposals) to this shape
/// and map hits back by `(kind, id)`. The pair `(kind, id)` should be unique;
/// duplicates are indexed as separate documents and may both be returned.
public struct SearchDocument: Sendable, Hashable {
    public var id: String
    /// A free-form category such as `"article"` or `"event"`, used by the
    /// `kinds:` filter and as the first tie-breaker of the ranking.
    public var kind: String
    /// Indexed in order; `SearchHit.fieldIndex` points into this array.
    public var fields: [SearchField]

    public init(id: String, kind: String, fields: [SearchField]) {
        self.id = id
        self.kind = kind
        self.fields = fields
    }
}
