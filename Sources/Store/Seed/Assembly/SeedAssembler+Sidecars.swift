/// `articles/<name>.json` beside `articles/<name>.txt`: one article's metadata, so that dropping
/// an article in never means editing a shared file. An entry in `articles.json` still wins.
///
/// `{"title": "…", "outlet": "Reuters" | null, "url": "https://…", "published": "2025-09-05" | DatePoint}`;
/// every field is optional, and a field it gives replaces the one inferred from the text. A
/// sidecar with an error is left out whole, and the error names its file, line and field.
extension SeedAssembler {
    static let sidecarFields = ["title", "outlet", "url", "published"]

    mutating func loadSidecars() {
        for (base, file) in sidecars.sorted(by: { $0.key < $1.key }) {
            // By its file: an article served under another id (two names with one) keeps its sidecar.
            let id = Article.id(forFile: base + ".txt")
            guard let index = articleIndex[id].flatMap({ articles[$0].file == base + ".txt" ? $0 : nil })
                    ?? articles.firstIndex(where: { $0.file == base + ".txt" }) else {
                if !skippedArticleIDs.contains(id) { warn(.ignoredFile(path: label(file.path))) }
                continue
            }
            loadedFiles.append(file)
            let name = label(file.path)
            let errorsBefore = report.errors.count
            guard let root = capture({ () throws(JSONError) -> LocatedJSON in try JSONDocument.parse(bytes: file.bytes, file: name) }),
                  let object = self.object(root, allowed: SeedAssembler.sidecarFields) else { continue }
            let title = optional(object, "title") { value throws(JSONError) in try value.nonEmptyString() }
            let outlet = object["outlet"].map { _ in nullable(object, "outlet") { value throws(JSONError) in try value.nonEmptyString() } }
            let url = optional(object, "url", SeedAssembler.url)
            let published = optional(object, "published", SeedAssembler.sidecarDate)
            // A sidecar with an error is not read at all: the error names it, and the article is
            // served with what its text gives (fatal only in a strict load, ``SeedError/isFatal(strict:)``).
            guard report.errors.count == errorsBefore else { continue }
            let old = articles[index]
            var metadata = old.metadata
            metadata.source = .sidecar
            if title != nil { metadata.inferred["title"] = nil }
            if outlet != nil {
                metadata.inferred["outlet"] = nil
                metadata.notes.removeAll { $0.hasPrefix("outlet:") }
            }
            if published != nil {
                metadata.inferred["published"] = nil
                metadata.notes.removeAll { $0.hasPrefix("published:") }
            }
            if let url { metadata.url = url }
            articles[index] = Article(
                id: old.id, file: old.file, title: title ?? old.title, outlet: outlet ?? old.outlet,
                published: published ?? old.published, enrichment: [], isCurated: false, paragraphs: old.paragraphs,
                stripped: old.stripped, cleaning: old.cleaning, metadata: metadata
            )
        }
    }

    /// An http(s) URL without spaces or control characters.
    static func url(_ value: LocatedJSON) throws(JSONError) -> String {
        let text = try value.nonEmptyString()
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw .invalidValue(value.location, path: value.path, reason: "'\(text)' is not an http(s) URL")
        }
        return text
    }

    /// `"2025-09-05"` (a day, stated by the sidecar) or a full DatePoint object.
    static func sidecarDate(_ value: LocatedJSON) throws(JSONError) -> DatePoint {
        if let text = try? value.string() {
            guard let date = CalendarDate(iso: text) else {
                throw .invalidValue(value.location, path: value.path, reason: "'\(text)' is not a valid YYYY-MM-DD date")
            }
            return DatePoint(date: date, precision: .day, reason: "stated in the article's sidecar metadata")
        }
        return try datePoint(value)
    }
}
