/// A successful load: the knowledge base, the report and the raw files.
public struct SeedLoadResult: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let report: LoadReport
    /// Every loaded seed file (JSON and article texts), sorted by path.
    /// Hash these, in order, path then bytes, for a dataset digest.
    public let files: [SeedFile]
}
