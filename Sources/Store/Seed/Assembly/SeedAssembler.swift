/// The single-threaded worker behind `SeedLoader`: turns seed files into
/// models, collecting every error and warning instead of stopping early.
///
/// Order matters: articles are cleaned first (evidence is located in them),
/// then `articles.json`, `entities.json`, `proposals.json`, `events.json`;
/// references are checked once every collection is known; mentions are
/// detected last. Used once per load and discarded.
struct SeedAssembler {
    /// A reference to check once all collections are loaded.
    struct PendingReference {
        enum Target {
            /// Any entity, or (with a warning otherwise) one of `preferred`.
            case entity(preferred: [Entity.Kind], description: String)
            case proposal
        }

        let location: SourceLocation
        let path: String
        let id: String
        let target: Target
    }

    let directory: String
    let strict: Bool
    var report = LoadReport()
    let clock = ContinuousClock()

    var articles: [Article] = []
    var articleIndex: [String: Int] = [:]
    var cleaned: [String: CleanedText] = [:]
    /// The matching forms of the articles curated quotes were looked up in, made once per article.
    var quotedShadows: [String: [ShadowText]] = [:]
    /// Ids of article files that exist but were skipped (bad encoding, empty).
    var skippedArticleIDs: Set<String> = []
    /// Event ids in use while extracted events are added.
    var takenEventIDs: Set<String> = []
    /// `articles/<name>.json` sidecars by `<name>`, read after the texts.
    var sidecars: [String: SeedFile] = [:]
    var entities: [Entity] = []
    var entityIndex: [String: Int] = [:]
    /// Per entity id: the location of its name (index 0) and of each alias.
    var aliasLocations: [String: [SourceLocation]] = [:]
    var events: [Event] = []
    var proposals: [Proposal] = []
    var proposalIDs: Set<String> = []
    var pending: [PendingReference] = []
    var loadedFiles: [SeedFile] = []

    init(directory: String, strict: Bool) {
        self.directory = directory
        self.strict = strict
        report.directory = directory
    }

    /// The location label for a path relative to the seeds directory.
    func label(_ relativePath: String) -> String {
        Self.label(relativePath, in: directory)
    }

    static func label(_ relativePath: String, in directory: String) -> String {
        directory.isEmpty ? relativePath : directory + "/" + relativePath
    }

    mutating func record(_ error: SeedError) {
        report.errors.append(error)
    }

    mutating func record(_ error: JSONError) {
        report.errors.append(.json(error))
    }

    mutating func warn(_ warning: SeedWarning) {
        report.warnings.append(warning)
    }

    mutating func time<T>(_ phase: String, _ body: (inout SeedAssembler) -> T) -> T {
        let start = clock.now
        let result = body(&self)
        report.timings.append(LoadReport.Timing(phase: phase, duration: clock.now - start))
        return result
    }

    /// Runs every phase over `files` (paths relative to the seeds directory).
    mutating func assemble(_ files: [SeedFile]) throws(SeedLoadFailure) -> SeedLoadResult {
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let articleFiles = files.filter { $0.path.hasPrefix("articles/") }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        time("clean") { $0.cleanArticles(articleFiles) }
        let articleSearch = time("annotations") { assembler in
            assembler.loadSidecars()
            assembler.loadArticleMetadata(byPath["articles.json"])
            // The articles are final from here: their search terms are read beside the rest of
            // the load, which leaves a core idle while it merges.
            let articleSearch = Concurrently.start(articles: assembler.articles.count) { [articles = assembler.articles] in
                var builder = SearchIndexBuilder()
                builder.add(KnowledgeBase.searchDocuments(articles: articles))
                return builder
            }
            assembler.loadEntities(byPath["entities.json"])
            assembler.loadGazetteer(byPath)
            assembler.extractEntities()
            assembler.loadProposals(byPath["proposals.json"])
            assembler.loadEvents(byPath["events.json"])
            assembler.checkReferences()
            return articleSearch
        }
        let mentions = time("mentions") { $0.detectMentions() }
        // The stripped blocks and matching forms served curated quotes; nothing after reads them.
        cleaned = [:]
        quotedShadows = [:]
        let fatal = report.errors.filter { $0.isFatal(strict: strict) }
        guard fatal.isEmpty else { throw SeedLoadFailure(errors: fatal, report: report) }
        stampStatus()
        let indexed = time("index") { assembler in
            KnowledgeBase(
                articles: assembler.articles, entities: assembler.entities,
                events: assembler.events, proposals: assembler.proposals, mentions: mentions
            )
        }
        // Uncurated articles: their events are extracted, merged, and indexed with the rest.
        var extracted: Extracted? = time("extraction") { $0.extractUnannotated(indexed) }
        let knowledgeBase = time("merge") { assembler in
            guard let extracted, assembler.mergeExtracted(extracted) else { return indexed }
            assembler.stampStatus()
            // Extraction adds events and proposals' positions only: the rest of the index stands.
            return KnowledgeBase(reusing: indexed, events: assembler.events, proposals: assembler.proposals)
        }
        // The groups and stances are read; they are freed beside the records' search terms.
        let freed = Concurrently.release(articles: articles.count, taking: &extracted)
        let search = time("search") { _ in
            var builder = articleSearch.wait()
            builder.add(KnowledgeBase.searchDocuments(
                entities: knowledgeBase.entities, events: knowledgeBase.events, proposals: knowledgeBase.proposals))
            return SearchIndex(builder: builder)
        }
        freed.wait()
        return SeedLoadResult(knowledgeBase: knowledgeBase, search: search, report: report, files: SeedFile.sortedByPath(loadedFiles))
    }

    mutating func cleanArticles(_ files: [SeedFile]) {
        // The pure part of each article, on every core: its cleaning and the metadata its text gives.
        let directory = self.directory
        let prepared = Concurrently.map(files) { file -> Result<(CleanedText, InferredMetadata?), SeedError>? in
            guard file.path.lowercased().hasSuffix(".txt") else { return nil }
            do throws(SeedError) {
                let text = try ArticleCleaner.clean(bytes: file.bytes, file: Self.label(file.path, in: directory))
                let inferred = text.paragraphs.isEmpty ? nil : ArticleMetadataInferrer.infer(paragraphs: text.paragraphs, stripped: text.stripped)
                return .success((text, inferred))
            } catch {
                return .failure(error)
            }
        }
        // Sized once: grown by doubling, the records were copied into fresh pages on one core.
        var fileForID = [String: String](minimumCapacity: files.count)
        let ids = Self.articleIDs(files.map { String($0.path.dropFirst("articles/".count)) })
        // For each id two names give, the name that keeps it.
        let keepers = Dictionary(ids.filter { $0.value == Article.id(forFile: $0.key) }.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        articles.reserveCapacity(articles.count + files.count)
        articleIndex.reserveCapacity(articleIndex.count + files.count)
        cleaned.reserveCapacity(cleaned.count + files.count)
        report.articles.reserveCapacity(report.articles.count + files.count)
        loadedFiles.reserveCapacity(loadedFiles.count + files.count)
        for (file, outcome) in zip(files, prepared) {
            let name = String(file.path.dropFirst("articles/".count))
            guard name.lowercased().hasSuffix(".txt"), !name.contains("/") else {
                if name.lowercased().hasSuffix(".json") {
                    sidecars[String(name.dropLast(5))] = file
                } else if !name.hasPrefix(".") {
                    warn(.ignoredFile(path: label(file.path)))
                }
                continue
            }
            var id = Article.id(forFile: name)
            if let assigned = ids[name], assigned != id {
                // Another file's name gives this id and is closer to it (``articleIDs(_:)``).
                if strict || fileForID[assigned] != nil {
                    record(.duplicateID(SourceLocation(file: label(file.path), line: 1, column: 1), id: id, collection: "article",
                                        firstDefinedAt: SourceLocation(file: label("articles/" + (keepers[id] ?? name)), line: 1, column: 1)))
                    continue
                }
                warn(.renamedArticle(path: label(file.path), id: id, takenBy: label("articles/" + (keepers[id] ?? name)), servedAs: assigned))
                id = assigned
            }
            if let other = fileForID[id] {
                record(.duplicateID(SourceLocation(file: label(file.path), line: 1, column: 1), id: id,
                                    collection: "article", firstDefinedAt: SourceLocation(file: label("articles/" + other), line: 1, column: 1)))
                continue
            }
            fileForID[id] = name
            let text: CleanedText
            let inferredMetadata: InferredMetadata?
            switch outcome {
            case .success(let (cleanedText, inferred))?:
                text = cleanedText
                inferredMetadata = inferred
            case .failure(let error)?:
                record(error)
                skippedArticleIDs.insert(id)
                report.skipped.append(LoadReport.SkippedFile(path: label(file.path), reason: error.message))
                continue
            case nil:
                continue
            }
            guard !text.paragraphs.isEmpty, let inferred = inferredMetadata else {
                warn(.emptyArticle(path: label(file.path)))
                skippedArticleIDs.insert(id)
                report.skipped.append(LoadReport.SkippedFile(path: label(file.path), reason: "no article text"))
                continue
            }
            loadedFiles.append(file)
            cleaned[id] = text
            articleIndex[id] = articles.count
            var metadata = ArticleMetadata(source: .inferred)
            metadata.datelinePlace = inferred.datelinePlace
            metadata.inferred["title"] = inferred.titleReason
            if let reason = inferred.outletReason { metadata.inferred["outlet"] = reason }
            if let published = inferred.published { metadata.inferred["published"] = published.reason }
            if let note = inferred.publishedNote { metadata.notes.append("published: " + note) }
            if inferred.outlet == nil { metadata.notes.append("outlet: not named in the text") }
            let article = Article(
                id: id, file: name, title: inferred.title, outlet: inferred.outlet, published: inferred.published,
                enrichment: [], isCurated: false, paragraphs: text.paragraphs, stripped: text.stripped, cleaning: text.report,
                metadata: metadata
            )
            if !NewsSentences.isNewsLength(article) { warn(.notExtracted(path: label(file.path), limit: NewsSentences.longestArticle)) }
            articles.append(article)
            report.articles.append(LoadReport.ArticleSummary(
                id: id, file: name, paragraphCount: text.paragraphs.count,
                headingCount: text.paragraphs.filter { $0.kind == .heading }.count,
                stripped: text.stripped, cleaning: text.report
            ))
        }
    }

    /// Each article file's id (``Article/id(forFile:)``), where two names give one id: the name
    /// that needs the fewest changes to become the id keeps it ("news_1.txt" before "News 1.txt";
    /// a curated "000_44894ce68db02e79.txt" before a dropped-in "000-44894CE68DB02E79.txt"), then
    /// the first in byte order; the others take the id with their name's hash
    /// ("news-1-3fa2b1c0"), stable from load to load. Only the names that collide are listed.
    static func articleIDs(_ names: [String]) -> [String: String] {
        var byID: [String: [String]] = [:]
        for name in names where name.lowercased().hasSuffix(".txt") && !name.contains("/") {
            byID[Article.id(forFile: name), default: []].append(name)
        }
        var assigned: [String: String] = [:]
        var taken = Set(byID.keys)
        for (id, group) in byID.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            func changes(_ name: String) -> Int {
                zip(name.dropLast(4), id).count { $0 != $1 } + abs(name.count - 4 - id.count)
            }
            let ranked = group.sorted { changes($0) != changes($1) ? changes($0) < changes($1) : $0.utf8.lexicographicallyPrecedes($1.utf8) }
            assigned[ranked[0]] = id
            for name in ranked.dropFirst() {
                // A file may already be named as the hashed id ("news-1-3fa2b1c0.txt"): then a count.
                var renamed = id + "-" + Article.nameHash(name)
                var count = 2
                while taken.contains(renamed) {
                    renamed = id + "-" + Article.nameHash(name) + "-\(count)"
                    count += 1
                }
                taken.insert(renamed)
                assigned[name] = renamed
            }
        }
        return assigned
    }

    mutating func detectMentions() -> [Mention] {
        let detector = MentionDetector(entities: entities)
        for conflict in detector.conflicts {
            let locations = aliasLocations[conflict.entity] ?? []
            let location = locations.indices.contains(conflict.aliasIndex)
                ? locations[conflict.aliasIndex]
                : SourceLocation(file: label("entities.json"), line: 1, column: 1)
            guard let owner = entityIndex[conflict.entity] else { continue }
            let alias = entities[owner].allNames[conflict.aliasIndex].text
            warn(.aliasConflict(location, alias: alias, entity: conflict.entity, keptFor: conflict.keptFor))
        }
        var byName: [String: Entity] = [:]
        for entity in entities where entity.kind == .place || entity.kind == .country {
            for alias in entity.allNames where byName[UnicodeMatching.key(alias.text)] == nil {
                byName[UnicodeMatching.key(alias.text)] = entity
            }
        }
        // Per article and pure: on every core, concatenated in article order.
        let perChunk = Concurrently.mapChunks(articles) { [byName] articles -> [Mention] in
            var mentions: [Mention] = []
            for article in articles {
                for paragraph in article.paragraphs {
                    var found = detector.mentions(in: paragraph, article: article.id)
                    // The dateline's place is written in capitals ("WASHINGTON (AP) —"), which body text
                    // never matches: link it to the place of that name.
                    if let place = article.metadata.datelinePlace, paragraph.kind == .body, paragraph.text.hasPrefix(place),
                       found.first?.start != 0, let entity = byName[UnicodeMatching.key(Self.titleCased(place))] {
                        found.insert(Mention(entity: entity.id, article: article.id, paragraph: paragraph.index, start: 0,
                                             end: place.unicodeScalars.count, text: place, alias: entity.name), at: 0)
                    }
                    mentions.append(contentsOf: found)
                }
            }
            return mentions
        }
        return Concurrently.joined(perChunk)
    }
}
