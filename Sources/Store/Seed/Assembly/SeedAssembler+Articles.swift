/// `articles.json`: curated title, outlet and date per article file.
extension SeedAssembler {
    static let articleFields = ["file", "title", "outlet", "published", "enrichment"]

    mutating func loadArticleMetadata(_ file: SeedFile?) {
        guard let records = collection(file, path: "articles.json", key: "articles") else { return }
        var seen: [String: SourceLocation] = [:]
        for json in records {
            guard let object = self.object(json, allowed: SeedAssembler.articleFields) else { continue }
            let name = required(object, "file") { value throws(JSONError) in try value.nonEmptyString() }
            let title = required(object, "title") { value throws(JSONError) in try value.nonEmptyString() }
            let outlet = nullable(object, "outlet") { value throws(JSONError) in try value.nonEmptyString() }
            let published = required(object, "published", SeedAssembler.datePoint)
            let enrichment = self.enrichment(object, fields: SeedAssembler.articleFields)
            guard let name, let fileValue = object["file"] else { continue }
            if let first = seen[name] {
                record(.duplicateID(fileValue.location, id: name, collection: "article file", firstDefinedAt: first))
                continue
            }
            seen[name] = fileValue.location
            let id = Article.id(forFile: name)
            guard let index = articleIndex[id], articles[index].file == name else {
                if !skippedArticleIDs.contains(id) {
                    record(.danglingReference(fileValue.location, path: fileValue.path, id: name, expected: "a file in articles/"))
                }
                continue
            }
            guard let title, let published else { continue }
            let old = articles[index]
            var metadata = ArticleMetadata(source: .curated)
            metadata.url = old.metadata.url
            metadata.datelinePlace = old.metadata.datelinePlace
            articles[index] = Article(
                id: old.id, file: old.file, title: title, outlet: outlet, published: published,
                enrichment: enrichment, isCurated: true, paragraphs: old.paragraphs,
                stripped: old.stripped, cleaning: old.cleaning, metadata: metadata
            )
        }
    }
}
