/// One occurrence of an entity in an article paragraph, found at load.
///
/// `start..<end` counts Unicode scalars of `Paragraph.text`, so
/// `paragraph.excerpt(start:end:) == text`. A possessive `'s` is not part of
/// the span. `alias` is the catalog form that matched (the name or an alias).
public struct Mention: Sendable, Hashable {
    public let entity: String
    public let article: String
    public let paragraph: Int
    public let start: Int
    public let end: Int
    /// The matched characters exactly as served.
    public let text: String
    /// The catalog form that matched, as written in `entities.json`.
    public let alias: String
}
