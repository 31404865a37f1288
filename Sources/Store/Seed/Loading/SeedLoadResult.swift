/// A successful load: the knowledge base, its search index, the report and the raw files.
public struct SeedLoadResult: Sendable {
    public let knowledgeBase: KnowledgeBase
    /// Every article, entity, event and proposal (``KnowledgeBase/searchDocuments(articles:)``).
    public let search: SearchIndex
    public let report: LoadReport
    /// Every loaded seed file (JSON and article texts), sorted by path.
    /// Hash these, in order, path then bytes, for a dataset digest.
    public let files: [SeedFile]
}
