import Testing
@testable import Store

/// The compacted copy a server keeps after a load (``Compactor``): the same records and lookups,
/// in storage of its own, with what was shared before still shared.
@Suite struct CompactorTests {
    /// Where a heap string's bytes live (nil for a small string, stored in the value itself).
    static func storage(_ value: String) -> UnsafeRawPointer? {
        guard value.utf8.count > 15 else { return nil }
        return value.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    static func shippedSeeds() throws -> (KnowledgeBase, KnowledgeBase) {
        let base = try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase
        return (base, base.compacted(by: Compactor()))
    }

    @Test func theCopyHoldsTheSameRecordsAndLookups() throws {
        let (base, copy) = try Self.shippedSeeds()
        #expect(!base.events.isEmpty && !base.proposals.isEmpty && !base.mentions.isEmpty)
        #expect(copy.articles == base.articles)
        #expect(copy.entities == base.entities)
        #expect(copy.events == base.events)
        #expect(copy.proposals == base.proposals)
        #expect(copy.mentions == base.mentions)
        #expect(copy.articlePositions == base.articlePositions)
        #expect(copy.mentionRanges == base.mentionRanges)
        #expect(copy.mentionsByEntity == base.mentionsByEntity)
        #expect(copy.articlesByEntity == base.articlesByEntity)
        #expect(copy.eventPositions == base.eventPositions)
        #expect(copy.proposalPositions == base.proposalPositions)
        #expect(copy.eventsByEntity == base.eventsByEntity)
        #expect(copy.proposalsByEntity == base.proposalsByEntity)
        #expect(copy.eventsByArticle == base.eventsByArticle)
        #expect(copy.proposalsByArticle == base.proposalsByArticle)
        #expect(copy.eventsNewestFirst == base.eventsNewestFirst)
        #expect(copy.newestFirstRank == base.newestFirstRank)
        for article in base.articles {
            #expect(copy.article(id: article.id) == article)
            #expect(Array(copy.mentions(inArticle: article.id)) == Array(base.mentions(inArticle: article.id)))
        }
    }

    /// The shipped seeds are all curated; the drop-ins (wire copy without annotations) give
    /// extracted events and stances, pattern entities and inferred metadata.
    @Test func extractedRecordsInferredMetadataAndTheReportSurviveTheCopy() {
        let result = DropInLinkingTests.result
        let base = result.knowledgeBase
        let compactor = Compactor()
        let copy = base.compacted(by: compactor)
        #expect(base.events.contains { $0.provenance == .extracted && $0.rule != nil && $0.confidence != nil })
        #expect(base.proposals.flatMap(\.positions).contains { $0.provenance == .extracted })
        #expect(base.articles.contains { !$0.metadata.inferred.isEmpty && !$0.metadata.notes.isEmpty })
        #expect(base.entities.contains { $0.origin != .curated })
        #expect(copy.articles == base.articles)
        #expect(copy.entities == base.entities)
        #expect(copy.events == base.events)
        #expect(copy.proposals == base.proposals)
        #expect(copy.mentions == base.mentions)
        #expect(copy.statistics == base.statistics)
        #expect(copy.members == base.members)
        #expect(copy.entityPositions == base.entityPositions)
        #expect(copy.entitiesByID == base.entitiesByID && copy.mentionedEntitiesByID == base.mentionedEntitiesByID)
        var names = 0
        for entity in base.entities {
            for alias in entity.allNames {
                let before = base.names.lookup(alias.text), after = copy.names.lookup(alias.text)
                #expect(after?.entity == before?.entity && after?.matched == before?.matched && after?.source == before?.source)
                names += 1
            }
        }
        #expect(names > base.entities.count)
        let report = result.report.compacted(by: compactor)
        #expect(!result.report.articles.isEmpty && !result.report.extractedEntities.isEmpty)
        #expect(report.articles == result.report.articles)
        #expect(report.extractedEntities == result.report.extractedEntities)
        #expect(report.skipped == result.report.skipped && report.warnings == result.report.warnings)
        #expect(report.errors == result.report.errors && report.directory == result.report.directory)
    }

    @Test func noTextIsLeftInTheOriginalStorage() throws {
        let (base, copy) = try Self.shippedSeeds()
        var compared = 0
        for (original, copied) in zip(base.articles, copy.articles) {
            for (before, after) in zip([original.id, original.title] + original.paragraphs.map(\.text),
                                       [copied.id, copied.title] + copied.paragraphs.map(\.text)) {
                guard let old = Self.storage(before) else { continue }
                #expect(Self.storage(after) != old)
                compared += 1
            }
        }
        for (original, copied) in zip(base.entities, copy.entities) {
            guard let old = Self.storage(original.id) else { continue }
            #expect(Self.storage(copied.id) != old)
            compared += 1
        }
        for (original, copied) in zip(base.events.flatMap(\.evidence), copy.events.flatMap(\.evidence)) {
            guard let old = Self.storage(original.quote) else { continue }
            #expect(Self.storage(copied.quote) != old)
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test func aStorageSharedBeforeIsSharedAfter() throws {
        let (base, copy) = try Self.shippedSeeds()
        var shared = 0, stillShared = 0
        for (original, copied) in zip(base.mentions, copy.mentions) {
            guard let originalArticle = base.article(id: original.article),
                  let articleStorage = Self.storage(originalArticle.id),
                  Self.storage(original.article) == articleStorage,
                  let copiedArticle = copy.article(id: copied.article)
            else { continue }
            shared += 1
            if Self.storage(copied.article) == Self.storage(copiedArticle.id) { stillShared += 1 }
        }
        // The shipped article ids are 20 bytes, so every mention's article id is a heap string.
        #expect(shared == base.mentions.count)
        #expect(stillShared == shared)
    }

    @Test func theSearchIndexAnswersTheSameAndSharesTheRecordsTexts() throws {
        let (base, _) = try Self.shippedSeeds()
        let documents = base.articles.map { article in
            SearchDocument(id: article.id, kind: "article",
                           fields: article.paragraphs.map { SearchField(name: "text", text: $0.text, weight: 1) })
        }
        let index = SearchIndex(documents: documents)
        let compactor = Compactor()
        let copy = index.compacted(by: compactor)
        let copiedArticles = compactor.array(base.articles) { $0.compacted(by: compactor) }
        for query in ["security guarantees", "\"coalition of the willing\"", "zelensky putin", "nato -russia"] {
            let before = try index.search(query), after = try copy.search(query)
            #expect(after.ids == before.ids, "\(query)")
            #expect(after.map(\.snippet) == before.map(\.snippet), "\(query)")
        }
        // One storage for a paragraph's text, whether the article or the index serves it.
        let texts = Set(copy.storage.fieldTexts.compactMap(Self.storage))
        let paragraphs = copiedArticles.flatMap(\.paragraphs).compactMap { Self.storage($0.text) }
        #expect(!paragraphs.isEmpty && paragraphs.allSatisfy(texts.contains))
    }

    @Test func arraysAreCopiedAtTheirSize() {
        let compactor = Compactor()
        var grown: [Int] = []
        for value in 0..<100 { grown.append(value) }
        #expect(grown.capacity > 100)
        let copy = compactor.values(grown)
        #expect(copy == grown && copy.capacity < grown.capacity)
        #expect(copy.withUnsafeBufferPointer { $0.baseAddress } != grown.withUnsafeBufferPointer { $0.baseAddress })

        // A large one too: left behind, it would keep the load's arena in use.
        let large = [UInt32](repeating: 7, count: 1 << 20)
        let largeCopy = compactor.values(large)
        #expect(largeCopy == large)
        #expect(largeCopy.withUnsafeBufferPointer { $0.baseAddress } != large.withUnsafeBufferPointer { $0.baseAddress })

        let short = "Kyiv"
        #expect(compactor.string(short) == short)
        let long = String(repeating: "Kyiv, ", count: 10)
        #expect(compactor.string(long) == long && Self.storage(compactor.string(long)) != Self.storage(long))
        // Copied once: the second request for the same storage gets the first copy.
        let first = compactor.string(long), second = compactor.string(long)
        #expect(Self.storage(first) == Self.storage(second))
    }

    /// Compactors of two threads sharing one table (``DatasetCompaction`` copies on two threads)
    /// copy a string both meet once: whichever asks first makes the copy, the other gets it.
    @Test func compactorsSharingATableOnTwoThreadsCopyEachStringOnce() throws {
        let base = try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase
        let strings = base.articles.flatMap { [$0.id, $0.title] + $0.paragraphs.map(\.text) }
            + base.events.flatMap { $0.evidence.map(\.quote) }
        let table = CopyTable()
        // Opposite orders, so each thread is the first to ask for about half of the strings.
        let lanes = Concurrently.map([false, true]) { reversed in
            let compactor = Compactor(sharing: table)
            let copies = (reversed ? Array(strings.reversed()) : strings).map { compactor.string($0) }
            return reversed ? Array(copies.reversed()) : copies
        }
        var heap = 0
        for (index, original) in strings.enumerated() {
            #expect(lanes[0][index] == original && lanes[1][index] == original)
            guard let old = Self.storage(original) else { continue }
            heap += 1
            #expect(Self.storage(lanes[0][index]) == Self.storage(lanes[1][index]), "copied twice: \(original.prefix(40))")
            #expect(Self.storage(lanes[0][index]) != old)
        }
        #expect(heap > 100)
    }
}
