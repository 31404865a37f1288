import Testing
@testable import Store

@Suite struct KnowledgeBaseTests {
    static let base: KnowledgeBase = {
        do {
            return try SeedLoader(directory: StoreFixtures.directory("minimal-seeds")).load().knowledgeBase
        } catch {
            fatalError("minimal-seeds must load: \(error)")
        }
    }()

    @Test func lookupsByID() throws {
        let base = Self.base
        #expect(base.article(id: "a")?.title == "Zelenskiy meets Trump")
        #expect(base.entity(id: "washington")?.coordinates == Coordinates(latitude: 38.9072, longitude: -77.0369))
        #expect(base.event(id: "eu-training-pledge")?.kind == .other)
        #expect(base.proposal(id: "nato-like-guarantees")?.status == .underDiscussion)
        #expect(base.article(id: "zzz") == nil && base.entity(id: "zzz") == nil)
    }

    @Test func cleaningOfTheFixtureArticles() throws {
        let a = try #require(Self.base.article(id: "a"))
        #expect(a.paragraphs.count == 2)
        #expect(a.stripped.map(\.kind) == [.relatedLinks, .commentPrompt])
        let b = try #require(Self.base.article(id: "b"))
        #expect(b.paragraphs.map(\.kind) == [.body, .heading, .body])
        #expect(b.stripped.map(\.text) == ["Source: Reuters"])
        #expect(b.published?.precision == .month)
        let c = try #require(Self.base.article(id: "c"))
        #expect(c.title == "The European Union pledged to train troops.")
    }

    @Test func evidenceOffsetsAreComputed() throws {
        let event = try #require(Self.base.event(id: "washington-meeting-2025-08-18"))
        let evidence = try #require(event.evidence.first)
        let paragraph = try #require(Self.base.article(id: evidence.article)?.paragraphs[evidence.paragraph])
        #expect(paragraph.excerpt(start: evidence.start, end: evidence.end) == evidence.quote)
        let proposal = try #require(Self.base.proposal(id: "nato-like-guarantees"))
        let curly = proposal.evidence[1]
        #expect(Self.base.article(id: "a")?.paragraphs[curly.paragraph].excerpt(start: curly.start, end: curly.end)
                == "Zelenskyy\u{2019}s team said the \u{201C}security guarantees\u{201D} were discussed.")
        // The curator typed straight quotes; what is served is the article's text, verbatim.
        #expect(curly.quote == "Zelenskyy\u{2019}s team said the \u{201C}security guarantees\u{201D} were discussed.")
    }

    /// Every quote the shipped seeds serve is the article's text at its offsets, whatever the
    /// curator typed (19 of them were typed with straight quotes for the articles' curly ones).
    @Test func everyShippedQuoteIsVerbatimAtItsOffsets() throws {
        let base = EventExtractionTests.base
        let evidence = base.events.flatMap(\.evidence) + base.proposals.flatMap(\.evidence)
            + base.proposals.flatMap { $0.positions.flatMap(\.evidence) }
        #expect(evidence.count > 50)
        for item in evidence {
            let paragraph = try #require(base.article(id: item.article)?.paragraphs[item.paragraph])
            #expect(paragraph.excerpt(start: item.start, end: item.end) == item.quote, "\(item.article): \(item.quote)")
        }
    }

    @Test func derivedEventAndProposalFields() throws {
        let event = try #require(Self.base.event(id: "washington-meeting-2025-08-18"))
        #expect(event.articles == ["a"])
        #expect(event.outlets == ["Reuters"])
        let proposal = try #require(Self.base.proposal(id: "nato-like-guarantees"))
        #expect(proposal.articles == ["b", "a"])
        #expect(proposal.firstReported?.iso == "2025-08-01")
        #expect(Self.base.event(id: "eu-training-pledge")?.outlets == [])
    }

    @Test func eventsAreSortedAndFiltered() {
        let base = Self.base
        #expect(base.events.map(\.id) == ["washington-meeting-2025-08-18", "eu-training-pledge"])
        func events(_ configure: (inout EventFilter) -> Void) -> [String] {
            var filter = EventFilter()
            configure(&filter)
            return base.events(matching: filter).map(\.id)
        }
        #expect(events { $0.statuses = [.held] } == ["washington-meeting-2025-08-18"])
        #expect(events { $0.kinds = [.other] } == ["eu-training-pledge"])
        #expect(events { $0.statuses = [.held]; $0.kinds = [.other] }.isEmpty)
        #expect(events { $0.from = CalendarDate(iso: "2025-08-01"); $0.to = CalendarDate(iso: "2025-08-31") } == ["washington-meeting-2025-08-18"])
        #expect(events { $0.from = CalendarDate(iso: "2025-08-19") }.isEmpty)
        #expect(events { $0.involving = ["washington"] } == ["washington-meeting-2025-08-18"])
        #expect(base.events(involving: "washington").map(\.id) == ["washington-meeting-2025-08-18"])
        #expect(base.events(citing: "c").map(\.id) == ["eu-training-pledge"])
    }

    @Test func proposalsAreFiltered() {
        let base = Self.base
        var underDiscussion = ProposalFilter()
        underDiscussion.statuses = [.underDiscussion]
        #expect(base.proposals(matching: underDiscussion).count == 1)
        var ceasefire = ProposalFilter()
        ceasefire.kinds = [.ceasefire]
        #expect(base.proposals(matching: ceasefire).isEmpty)
        for entity in ["volodymyr-zelensky", "nato", "ukraine", "mark-rutte"] {
            #expect(base.proposals(involving: entity).map(\.id) == ["nato-like-guarantees"], "\(entity)")
        }
        #expect(base.proposals(involving: "russia").isEmpty)
        #expect(base.proposals(citing: "a").count == 1)
    }

    @Test func entityRelationsAndStats() throws {
        let base = Self.base
        let zelensky = base.mentions(ofEntity: "volodymyr-zelensky")
        #expect(Array(zelensky.map(\.text)) == ["Volodymyr Zelenskiy", "Zelenskyy", "Zelensky"])
        #expect(Array(base.articles(mentioning: "volodymyr-zelensky").map(\.id)) == ["a", "b"])
        let stats = try #require(base.stats(forEntity: "volodymyr-zelensky"))
        #expect(stats.mentionCount == 3)
        #expect(stats.articleCount == 2)
        #expect(stats.firstSeen?.iso == "2025-08-01")
        #expect(stats.lastSeen?.iso == "2025-08-18")
        #expect(stats.coOccurrences.first == EntityStats.CoOccurrence(entity: "donald-trump", articleCount: 1))
        #expect(stats.coOccurrences.count == 7)
        let europe = try #require(base.stats(forEntity: "european-union"))
        #expect(europe.mentionCount == 2)
        #expect(europe.firstSeen == nil, "article c is undated")
        #expect(base.stats(forEntity: "nope") == nil)
    }

    /// A list of hundreds of names in one article: only its most mentioned count for
    /// co-occurrence (the pairs of 8,000 names took minutes and gigabytes), and each entity keeps
    /// the ten it is served with.
    @Test func coOccurrenceIsBoundedPerArticle() {
        let count = 400
        let entities = (0..<count).map { MentionDetectorTests.entity("e\($0)", "E\($0)") }
        var mentions: [Mention] = []
        for number in 0..<count {
            // e0 … e9 are mentioned three times, the rest once.
            for _ in 0..<(number < 10 ? 3 : 1) {
                mentions.append(Mention(entity: "e\(number)", article: "a", paragraph: 0, start: 0, end: 2, text: "E\(number)", alias: "E\(number)"))
            }
        }
        let article = Article(id: "a", file: "a.txt", title: "T", outlet: nil, published: nil, enrichment: [], isCurated: false,
                              paragraphs: [], stripped: [], cleaning: CleaningReport(byteCount: 0, byteOrderMarkRemoved: false,
                              controlCharactersRemoved: 0, lineEnding: .lf, paragraphBreak: .blankLine, lineCount: 0, collapsedRepeats: []),
                              metadata: ArticleMetadata(source: .inferred))
        let stats = EntityStats.compute(entities: entities, articles: [article], mentions: mentions)
        #expect(stats.values.allSatisfy { $0.articleCount == 1 && $0.coOccurrences.count <= EntityStats.keptCoOccurrences })
        #expect(stats["e0"]?.coOccurrences.count == EntityStats.keptCoOccurrences)
        #expect(stats["e99"]?.coOccurrences.isEmpty == true, "mentioned once, and late in id order: not paired")
        let paired = stats.values.filter { !$0.coOccurrences.isEmpty }.count
        #expect(paired == EntityStats.pairedPerArticle, "only the article's most mentioned are paired")
    }

    @Test func coOccurrencesAreSortedByCountThenID() throws {
        let stats = try #require(Self.base.stats(forEntity: "ukraine"))
        let counts = stats.coOccurrences.map(\.articleCount)
        #expect(counts == counts.sorted(by: >))
        #expect(stats.coOccurrences.map(\.entity) == ["mark-rutte", "nato", "volodymyr-zelensky"])
    }

    @Test func mentionsAreGroupedByArticleInTextOrder() {
        let mentions = Self.base.mentions
        let articles = mentions.map(\.article)
        #expect(articles == articles.sorted())
        let a = Self.base.mentions(inArticle: "a")
        #expect(a.map(\.entity) == [
            "volodymyr-zelensky", "united-states", "donald-trump", "washington", "volodymyr-zelensky", "russia",
        ])
    }
}
