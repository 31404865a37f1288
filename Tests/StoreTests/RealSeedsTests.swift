import Foundation
import Testing
@testable import Store

/// Checks against the shipped `seeds/` directory. The article texts are always
/// there; the JSON-dependent checks run once `seeds/entities.json` exists.
@Suite struct RealSeedsTests {
    /// The shipped texts cleaned alone (JSON files ignored), so these checks
    /// do not depend on the curated annotations.
    static func textsOnly() throws -> KnowledgeBase {
        let (files, problems, _) = SeedLoader.readDirectory(StoreFixtures.realSeeds)
        #expect(problems.isEmpty)
        return try SeedLoader.load(files: files.filter { $0.path.hasPrefix("articles/") }, directory: "seeds").knowledgeBase
    }

    @Test func fiveArticlesInFileOrder() throws {
        let base = try Self.textsOnly()
        #expect(base.articles.map(\.id) == [
            "000-44894ce68db02e79", "001-c6ca088aedff6470", "002-5faf7213626f208b",
            "003-c24f74ecf8fca606", "004-d5eb6b1bfa0c14e8",
        ])
        #expect(base.articles[0].stripped.isEmpty)
        #expect(base.articles[0].paragraphs.count == 13)
    }

    @Test func seed001LosesItsSidebarAndCommentPrompts() throws {
        let article = try #require(try Self.textsOnly().article(id: "001-c6ca088aedff6470"))
        #expect(article.stripped.map(\.kind) == [.relatedLinks, .commentPrompt, .commentPrompt])
        #expect(article.stripped[0].text.hasPrefix("Read next\n08:42\nNorth Korean troops"))
        #expect(article.stripped.map(\.text).suffix(2) == ["What is your opinion on this topic?", "Leave the first comment"])
        #expect(article.paragraphs.count == 11)
        #expect(article.paragraphs.last?.text.hasPrefix("The stakes are high") == true)
    }

    @Test func seed002LosesItsAlsoReadLinks() throws {
        let article = try #require(try Self.textsOnly().article(id: "002-5faf7213626f208b"))
        #expect(article.stripped.map(\.kind) == [.inlineLink, .inlineLink])
        #expect(article.paragraphs.allSatisfy { !$0.text.hasPrefix("Also Read") })
    }

    @Test func seed003IsCollapsedToItsUniqueParagraphs() throws {
        let article = try #require(try Self.textsOnly().article(id: "003-c24f74ecf8fca606"))
        #expect(article.paragraphs.count == 5)
        #expect(article.cleaning.collapsedRepeats.map(\.repeatOf) == [1, 2, 3, 4])
        #expect(article.cleaning.collapsedRepeats.map(\.line) == [6, 7, 8, 9])
        #expect(Set(article.paragraphs.map(\.text)).count == 5)
    }

    @Test func seed004KeepsSubheadsAndLosesTrailers() throws {
        let article = try #require(try Self.textsOnly().article(id: "004-d5eb6b1bfa0c14e8"))
        #expect(article.cleaning.paragraphBreak == .blankLine)
        #expect(article.stripped.map(\.kind) == [.sourceCredit, .agencyTrailer])
        #expect(article.stripped.map(\.text) == ["Source: Reuters", "--Agencies"])
        #expect(article.paragraphs.filter { $0.kind == .heading }.map(\.text) == ["FRIENDLY TONE AFTER FEBRUARY DISASTER", "TRUMP UPS PRESSURE"])
        #expect(article.paragraphs.last?.text.hasPrefix("The war has killed") == true)
    }

    @Test(.enabled(if: StoreFixtures.realSeedsHaveJSON, "seeds/entities.json not written yet"))
    func curatedSeedsLoadWithoutErrors() throws {
        let result = try SeedLoader(directory: StoreFixtures.realSeeds).load()
        #expect(result.report.errors.isEmpty, "\(result.report.errors)")
        #expect(result.knowledgeBase.articles.count == 5)
        #expect(result.knowledgeBase.articles.allSatisfy { $0.isCurated })
    }

    @Test(.enabled(if: StoreFixtures.realSeedsHaveJSON, "seeds/entities.json not written yet"))
    func zelenskySpellingsAreOnePerson() throws {
        let base = try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase
        let spellings = ["Zelenskiy", "Zelenskyy", "Zelensky"]
        let ids = Set(spellings.compactMap { base.resolve(name: $0)?.entity.id })
        #expect(ids.count == 1)
        let id = try #require(ids.first)
        let texts = Set(base.mentions(ofEntity: id).map(\.text))
        for spelling in spellings {
            #expect(texts.contains { $0.hasSuffix(spelling) }, "no mention spelled \(spelling)")
        }
        let stray = base.mentions.filter { spellings.contains($0.text) && $0.entity != id }
        #expect(stray.isEmpty)
        #expect(base.articles(mentioning: id).count == 5)
    }

    /// A mention keeps its text only when it differs from the catalog form; either way `text` is
    /// the served characters at its offsets.
    @Test(.enabled(if: StoreFixtures.realSeedsHaveJSON, "seeds/entities.json not written yet"))
    func everyMentionIsItsServedCharacters() throws {
        let base = try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase
        let articles = Dictionary(uniqueKeysWithValues: base.articles.map { ($0.id, $0) })
        #expect(!base.mentions.isEmpty)
        for mention in base.mentions {
            let article = try #require(articles[mention.article])
            let paragraph = try #require(article.paragraphs.first { $0.index == mention.paragraph })
            #expect(paragraph.excerpt(start: mention.start, end: mention.end) == mention.text)
        }
        #expect(base.mentions.contains { $0.text == $0.alias })
        #expect(base.mentions.contains { $0.text != $0.alias })
    }
}

/// The indexed, presorted event filter gives exactly what filtering every event and sorting gives.
@Suite struct EventFilterIndexTests {
    @Test(.enabled(if: StoreFixtures.realSeedsHaveJSON, "seeds/entities.json not written yet"))
    func indexedFilteringMatchesAFullScanInBothOrders() throws {
        let base = try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase
        let entityIDs = Array(Set(base.events.flatMap { $0.participants.map(\.entity) + ($0.location.map { [$0] } ?? []) })).sorted()
        #expect(entityIDs.count > 5)
        var filters: [EventFilter] = [EventFilter()]
        for (index, id) in entityIDs.enumerated() {
            var participant = EventFilter()
            participant.participants = [id, entityIDs[(index + 3) % entityIDs.count]]
            filters.append(participant)
            var location = EventFilter()
            location.locations = [id]
            filters.append(location)
            var involving = EventFilter()
            involving.involving = [id]
            involving.statuses = [.held, .scheduled]
            filters.append(involving)
        }
        var checked = 0
        for filter in filters {
            let scanned = base.events.filter(filter.admits)
            let newest = KnowledgeBase.byDate(scanned, descending: true, date: { $0.start }, id: { $0.id })
            #expect(base.events(matching: filter).map(\.id) == scanned.map(\.id))
            #expect(base.events(matching: filter, newestFirst: true).map(\.id) == newest.map(\.id))
            checked += scanned.isEmpty ? 0 : 1
        }
        #expect(checked > entityIDs.count, "most filters admit some events")
    }
}

extension RealSeedsTests {
    /// Outlets write the coalition in lower case as often as not ("the so-called coalition of the
    /// willing"); the gazetteer's lower-case spelling finds both.
    @Test func theCoalitionIsFoundInEitherCase() throws {
        let (files, _, _) = SeedLoader.readDirectory(StoreFixtures.realSeeds)
        let article = StoreFixtures.file("articles/lowercase-coalition.txt", """
            PARIS - Leaders of the so-called coalition of the willing met in Paris on Thursday. The Coalition of the Willing \
            will meet again next month.
            """)
        let base = try SeedLoader.load(files: files + [article], directory: "seeds").knowledgeBase
        let texts = base.mentions(ofEntity: "coalition-of-the-willing").filter { $0.article == "lowercase-coalition" }.map(\.text)
        #expect(texts.count == 2, "\(texts)")
    }
}
