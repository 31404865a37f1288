/// When a record's status was last stated: the publication date of the latest article that
/// reports the record, and that article. Undated articles count only when none is dated.
public struct StatusAsOf: Sendable, Hashable {
    public let date: DatePoint?
    /// Article id.
    public let article: String
}
