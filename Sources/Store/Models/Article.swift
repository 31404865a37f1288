/// A news article: cleaned paragraphs plus curated or derived metadata.
///
/// Built once by `SeedLoader` from `articles/<file>.txt` and its optional
/// entry in `articles.json`. Without an entry (`isCurated == false`) the title
/// is the text's first sentence, `outlet` and `published` are nil.
public struct Article: Sendable, Hashable {
    /// File name without `.txt`, lowercased, characters outside `[a-z0-9-]` replaced by `-`.
    public let id: String
    /// File name inside `articles/`, e.g. `000_44894ce68db02e79.txt`.
    public let file: String
    public let title: String
    public let outlet: String?
    public let published: DatePoint?
    /// Field names whose values come from the curator, not the text.
    public let enrichment: [String]
    /// True when `articles.json` has an entry for the file.
    public let isCurated: Bool
    public let paragraphs: [Paragraph]
    /// Boilerplate removed at load, in file order.
    public let stripped: [StrippedBlock]
    public let cleaning: CleaningReport
    /// Where title, outlet and date came from, and why for what was inferred.
    public let metadata: ArticleMetadata

    init(
        id: String, file: String, title: String, outlet: String?, published: DatePoint?,
        enrichment: [String], isCurated: Bool, paragraphs: [Paragraph],
        stripped: [StrippedBlock], cleaning: CleaningReport, metadata: ArticleMetadata = ArticleMetadata()
    ) {
        self.id = id
        self.file = file
        self.title = title
        self.outlet = outlet
        self.published = published
        self.enrichment = enrichment
        self.isCurated = isCurated
        self.paragraphs = paragraphs
        self.stripped = stripped
        self.cleaning = cleaning
        self.metadata = metadata
    }

    /// The article id for a file name, per FORMAT.md. An ASCII name keeps the plain rule. A name
    /// with other characters is folded first ("Über" → "uber"); if a letter or digit outside
    /// ASCII remains ("тест"), the runs of "-" are collapsed and a hash of the name is added, so
    /// two names in another script never share an id ("тест.txt" and "мира.txt" were both
    /// "----", a duplicate that stopped the load).
    public static func id(forFile file: String) -> String {
        var name = file
        if name.lowercased().hasSuffix(".txt") { name.removeLast(4) }
        let ascii = name.utf8.allSatisfy { $0 < 0x80 }
        var id = ""
        var foreign = false
        for character in ascii ? name.lowercased() : DiacriticFolding.fold(name) {
            let isAllowed = character.isASCII && (character.isLetter || character.isNumber || character == "-")
            if !character.isASCII && (character.isLetter || character.isNumber) { foreign = true }
            id.append(isAllowed ? character : "-")
        }
        guard foreign else { return id }
        let words = id.split(separator: "-")
        return (words.isEmpty ? "article" : words.joined(separator: "-")) + "-" + nameHash(name)
    }

    /// Eight hex digits of the name's ``FNV1a`` hash (stable across runs and machines).
    static func nameHash(_ name: String) -> String {
        let hex = String(UInt32(truncatingIfNeeded: FNV1a.hash(name.utf8).hash), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// The origin of an article's title, outlet and publication date: `curated` (`articles.json`),
/// `sidecar` (`articles/<name>.json` beside the text), or `inferred` from the text itself, with
/// a reason per inferred field and notes for what the text does not support.
public struct ArticleMetadata: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case curated, sidecar, inferred
    }

    public var source: Source = .inferred
    /// Field name → why it was inferred ("title" → "the first sentence after the dateline …").
    public var inferred: [String: String] = [:]
    /// What could not be inferred, and why ("published: the year is not stated in the text").
    public var notes: [String] = []
    /// The article's URL, where a sidecar gives it.
    public var url: String?
    /// The dateline's place, as written ("VLADIVOSTOK").
    public var datelinePlace: String?

    public init(source: Source = .inferred) {
        self.source = source
    }
}
