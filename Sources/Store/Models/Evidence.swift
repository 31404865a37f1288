/// A verbatim quote supporting a record, located in an article at load.
///
/// `quote` is as written by the curator. `paragraph`, `start` and `end` are
/// computed by matching the normalised quote (straight quotes, plain spaces,
/// collapsed whitespace; case-sensitive) against the cleaned article;
/// `start..<end` counts Unicode scalars of that paragraph's served text.
public struct Evidence: Sendable, Hashable {
    /// Article id.
    public let article: String
    public let quote: String
    public let paragraph: Int
    public let start: Int
    public let end: Int
    /// Curated (in the seed annotations) or extracted (a sentence the extraction rules found).
    public var provenance: Provenance = .curated
}

extension Evidence {
    /// Both quote overlapping text of the same paragraph of the same article.
    public func overlaps(_ other: Evidence) -> Bool {
        article == other.article && paragraph == other.paragraph && start < other.end && end > other.start
    }
}
