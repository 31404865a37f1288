/// One ranked document returned by `SearchIndex.search`.
///
/// `field`/`fieldIndex` name the field where the query matched best (the
/// largest idf-weighted BM25F contribution; the first such field on a tie)
/// and `snippet` quotes it. `snippet` is an HTML fragment of about 160
/// characters of the original text, cut at word boundaries, with `…` where
/// text was cut, every match inside wrapped in `<mark>`…`</mark>`, and `<`,
/// `>`, `&`, `"` elsewhere escaped as entities.
public struct SearchHit: Sendable, Hashable {
    public let id: String
    public let kind: String
    /// BM25F score; higher is better. Only comparable within one result set.
    public let score: Double
    /// Name of the best-matching field, e.g. `"title"` or `"body"`.
    public let field: String
    /// Index of that field in the document's `fields` array (e.g. a paragraph number).
    public let fieldIndex: Int
    public let snippet: String

    public init(id: String, kind: String, score: Double, field: String, fieldIndex: Int, snippet: String) {
        self.id = id
        self.kind = kind
        self.score = score
        self.field = field
        self.fieldIndex = fieldIndex
        self.snippet = snippet
    }
}
