/// One occurrence of an entity in an article paragraph, found at load.
///
/// `start..<end` counts Unicode scalars of `Paragraph.text`, so
/// `paragraph.excerpt(start:end:) == text`. A possessive `'s` is not part of
/// the span. `alias` is the catalog form that matched (the name or an alias).
///
/// A loaded corpus holds tens of mentions per article, so the stored form is compact: offsets as
/// 32-bit numbers, and no copy of the text when it is the catalog form as written (the usual case).
public struct Mention: Sendable, Hashable {
    public let entity: String
    public let article: String
    /// The catalog form that matched, as written in `entities.json`.
    public let alias: String
    /// The matched characters, when they differ from `alias`.
    private let differentText: String?
    private let storedParagraph: Int32
    private let storedStart: Int32
    private let storedEnd: Int32

    public var paragraph: Int { Int(storedParagraph) }
    public var start: Int { Int(storedStart) }
    public var end: Int { Int(storedEnd) }
    /// The matched characters exactly as served.
    public var text: String { differentText ?? alias }

    /// Offsets count Unicode scalars of one paragraph, which `limits.maxArticleBytes` keeps far
    /// below 2^31.
    public init(entity: String, article: String, paragraph: Int, start: Int, end: Int, text: String, alias: String) {
        self.entity = entity
        self.article = article
        self.alias = alias
        // Byte for byte: `==` on strings is canonical equivalence, and a decomposed "Zélensky"
        // in the text must be served as written, not as the catalogue's precomposed one.
        differentText = text.utf8.elementsEqual(alias.utf8) ? nil : text
        storedParagraph = Int32(clamping: paragraph)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
    }
}
