import Foundation
import Testing
@testable import Store

/// Seed directories with one kind of damage each (`Fixtures/bad-seeds/<case>/`, plus a 10 MB
/// article written at run time), loaded from disk the way the server loads them.
///
/// What seeds/FORMAT.md and `SeedLoader` promise: an article file that cannot be used is
/// skipped with an error naming the file, line and byte (fatal only when strict) and the
/// rest is served unchanged; an article that only looks odd (BOM, CRLF, one 50 KB line,
/// 10 MB) is served; an annotation error is fatal, and the failure lists every error, each
/// as `file:line:column: message` naming the record or field. In-memory variants of single
/// errors are in SeedLoaderTests and ArticleCleanerTests.
@Suite struct BadSeedsTests {
    static func directory(_ name: String) -> String { StoreFixtures.directory("bad-seeds/" + name) }

    static func load(_ name: String, strict: Bool = false) throws -> SeedLoadResult {
        try SeedLoader(directory: directory(name), strict: strict).load()
    }

    /// The error lines of a load that must fail.
    static func failure(_ name: String) throws -> [String] {
        do {
            _ = try SeedLoader(directory: directory(name)).load()
        } catch {
            return error.errors.map(\.description)
        }
        Issue.record("bad-seeds/\(name) loaded")
        return []
    }

    /// Every case has `articles/good.txt`, its entities and the event `kyiv-talks` citing it:
    /// whatever else is wrong, they must come through untouched.
    static func expectGoodArticleServed(_ base: KnowledgeBase) throws {
        let good = try #require(base.article(id: "good"))
        #expect(good.paragraphs.map(\.text) == [
            "President Volodymyr Zelenskiy met U.S. envoys in Kyiv on Monday.",
            "Zelenskiy said talks on security guarantees went well.",
        ])
        let event = try #require(base.event(id: "kyiv-talks"))
        #expect(event.evidence == [Evidence(article: "good", quote: "talks on security guarantees went well",
                                            paragraph: 1, start: 15, end: 53)])
        #expect(base.mentions(inArticle: "good").map(\.entity) == ["volodymyr-zelensky", "kyiv", "volodymyr-zelensky"])
    }

    // MARK: served, or skipped without losing anything else

    @Test func invalidUTF8ArticleIsSkippedNamingLineAndByte() throws {
        let directory = Self.directory("invalid-utf8")
        let bytes = try #require(FileManager.default.contents(atPath: directory + "/articles/latin1.txt"))
        let offset = try #require(bytes.firstIndex(of: 0xE9))
        let result = try Self.load("invalid-utf8")
        #expect(result.report.errors.map(\.description) == [
            "\(directory)/articles/latin1.txt:2:13: not valid UTF-8: first bad byte at offset \(offset); file skipped",
        ])
        #expect(result.report.skipped.map(\.path) == ["\(directory)/articles/latin1.txt"])
        #expect(result.knowledgeBase.articles.map(\.id) == ["good"])
        #expect(!result.files.map(\.path).contains("articles/latin1.txt"), "a skipped file must not count in the dataset version")
        try Self.expectGoodArticleServed(result.knowledgeBase)

        do {
            _ = try SeedLoader(directory: directory, strict: true).load()
            Issue.record("a strict load accepted an invalid UTF-8 article")
        } catch {
            #expect(error.errors.map(\.description) == result.report.errors.map(\.description))
        }
    }

    @Test func byteOrderMarkAndCRLFAreInvisibleInTheServedText() throws {
        let result = try Self.load("bom-crlf", strict: true)
        #expect(result.report.errors.isEmpty)
        let article = try #require(result.knowledgeBase.article(id: "windows"))
        #expect(article.paragraphs.map(\.text) == [
            "Zelenskiy arrived in Kyiv.",
            "He said the \u{201C}guarantees\u{201D} must be legally binding.",
        ])
        #expect(article.paragraphs.map(\.line) == [1, 3])
        #expect(article.cleaning.byteOrderMarkRemoved)
        #expect(article.cleaning.lineEnding == .crlf)
        #expect(article.title == "Zelenskiy arrived in Kyiv.")
        // Offsets count from the first character after the BOM.
        let mentions = result.knowledgeBase.mentions(inArticle: "windows")
        #expect(mentions.map { [$0.entity, "\($0.start)", "\($0.end)"] } == [["volodymyr-zelensky", "0", "9"], ["kyiv", "21", "25"]])
        let event = try #require(result.knowledgeBase.event(id: "binding-guarantees"))
        let evidence = try #require(event.evidence.first)
        #expect(evidence.paragraph == 1 && evidence.start == 0 && evidence.end == 49, "\(evidence)")
        #expect(article.paragraphs[1].excerpt(start: evidence.start, end: evidence.end) == article.paragraphs[1].text)
        try Self.expectGoodArticleServed(result.knowledgeBase)
    }

    @Test func fiftyKilobyteSingleLineIsOneParagraphWithExactOffsets() throws {
        let result = try Self.load("long-line", strict: true)
        let article = try #require(result.knowledgeBase.article(id: "long"))
        #expect(article.cleaning.byteCount > 45_000)
        #expect(article.paragraphs.count == 1)
        let text = article.paragraphs[0].text
        #expect(text.unicodeScalars.count == article.cleaning.byteCount - 1)
        let evidence = try #require(result.knowledgeBase.event(id: "midnight-session")?.evidence.first)
        #expect(evidence.end == text.unicodeScalars.count)
        #expect(article.paragraphs[0].excerpt(start: evidence.start, end: evidence.end) == "Zelenskiy closed the session at midnight.")
        let mentions = result.knowledgeBase.mentions(inArticle: "long")
        #expect(mentions.filter { $0.entity == "kyiv" }.count == 999)
        #expect(mentions.allSatisfy { article.paragraphs[0].excerpt(start: $0.start, end: $0.end) == $0.text })
        try Self.expectGoodArticleServed(result.knowledgeBase)
    }

    @Test func emptyAndBlankArticlesAreSkippedWithWarningsEvenWhenStrict() throws {
        let directory = Self.directory("empty-article")
        let result = try Self.load("empty-article", strict: true)
        #expect(result.report.errors.isEmpty)
        #expect(result.report.warnings.contains(.emptyArticle(path: "\(directory)/articles/empty.txt")))
        #expect(result.report.warnings.contains(.emptyArticle(path: "\(directory)/articles/blank.txt")))
        #expect(Set(result.report.skipped.map(\.path)) == ["\(directory)/articles/empty.txt", "\(directory)/articles/blank.txt"])
        #expect(result.knowledgeBase.articles.map(\.id) == ["good"])
        try Self.expectGoodArticleServed(result.knowledgeBase)
    }

    /// 10 MB of prose in 80,000 paragraphs, written to a temporary copy of a good case: with
    /// `limits.maxArticleBytes` raised above it, it loads (the loader is linear) and the other
    /// article is intact. Under the default 4 MiB limit it is skipped (SeedFileSafetyTests).
    @Test func tenMegabyteArticleLoads() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("accord-bad-seeds-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: root) }
        try manager.createDirectory(atPath: root + "/articles", withIntermediateDirectories: true)
        for name in ["entities.json", "events.json", "articles/good.txt"] {
            try manager.copyItem(atPath: Self.directory("invalid-utf8") + "/" + name, toPath: root + "/" + name)
        }
        var text: [UInt8] = []
        text.reserveCapacity(10 * 1024 * 1024 + 200)
        var count = 0
        while text.count < 10 * 1024 * 1024 {
            text += Array("Paragraph \(count): Zelenskiy met envoys in Kyiv to discuss security guarantees for Ukraine, and the talks ran late into the night.\n\n".utf8)
            count += 1
        }
        try Data(text).write(to: URL(fileURLWithPath: root + "/articles/huge.txt"))

        // Its load time is measured by bench/ (no timing in unit tests).
        let result = try SeedLoader(directory: root, strict: true, maxArticleBytes: 16 << 20).load()
        #expect(result.report.errors.isEmpty)
        let huge = try #require(result.knowledgeBase.article(id: "huge"))
        #expect(huge.paragraphs.count == count)
        #expect(huge.cleaning.byteCount == text.count)
        #expect(result.knowledgeBase.mentions(inArticle: "huge").count == count * 3)
        #expect(result.files.map(\.path).contains("articles/huge.txt"))
        try Self.expectGoodArticleServed(result.knowledgeBase)
    }

    // MARK: fatal annotation errors: the load fails and lists all of them

    @Test func badJSONInSeveralFilesIsListedFileByFile() throws {
        let directory = Self.directory("bad-json")
        #expect(try Self.failure("bad-json") == [
            "\(directory)/articles.json:2:33: articles[0].title: expected a string, found number",
            "\(directory)/proposals.json:2:38: invalid JSON: unterminated string",
            "\(directory)/events.json:3:4: invalid JSON: unexpected character '\"', expected ',' or '}'",
        ])
    }

    @Test func duplicateIDsNameBothDefinitions() throws {
        let directory = Self.directory("duplicate-ids")
        #expect(try Self.failure("duplicate-ids") == [
            "\(directory)/articles.json:4:12: duplicate article file id 'good.txt' (first defined at \(directory)/articles.json:2:12)",
            "\(directory)/entities.json:6:10: duplicate entity id 'kyiv' (first defined at \(directory)/entities.json:5:10)",
            "\(directory)/proposals.json:5:10: duplicate proposal id 'guarantees' (first defined at \(directory)/proposals.json:2:10)",
            "\(directory)/events.json:4:10: duplicate event id 'kyiv-talks' (first defined at \(directory)/events.json:2:10)",
        ])
    }

    /// Two file names that give one article id: a dropped-in file never stops the load. The
    /// name closer to the id keeps it; the other is served under the id with its name's hash,
    /// with a warning naming both. A strict load still refuses it.
    @Test func articleFilesWithOneIDAreBothServed() throws {
        let seeds = NSTemporaryDirectory() + "accord-duplicate-ids-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Self.directory("duplicate-ids"), toPath: seeds)
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        for json in ["articles.json", "entities.json", "proposals.json", "events.json"] { try? FileManager.default.removeItem(atPath: seeds + "/" + json) }
        let result = try SeedLoader(directory: seeds).load()
        let renamed = "two-words-" + Article.nameHash("two_words.txt")
        #expect(result.knowledgeBase.article(id: "two-words")?.file == "two-words.txt")
        #expect(result.knowledgeBase.article(id: renamed)?.file == "two_words.txt")
        #expect(result.report.warnings.map(\.description).contains(
            "\(seeds)/articles/two_words.txt: its id 'two-words' is the id of \(seeds)/articles/two-words.txt; served as '\(renamed)'"))
        do {
            _ = try SeedLoader(directory: seeds, strict: true).load()
            Issue.record("a strict load took two files with one id")
        } catch {
            #expect(error.errors.map(\.description).contains(
                "\(seeds)/articles/two_words.txt:1:1: duplicate article id 'two-words' (first defined at \(seeds)/articles/two-words.txt:1:1)"))
        }
    }

    @Test func danglingReferencesNameTheFieldAndTheMissingID() throws {
        let directory = Self.directory("dangling-references")
        let errors = try Self.failure("dangling-references")
        #expect(errors.count == 6, "\(errors)")
        for expected in [
            "\(directory)/articles.json:2:12: articles[0].file: 'nope.txt' does not name a file in articles/",
            "\(directory)/events.json:6:45: events[1].evidence[0].article: 'missing-article' does not name an article in articles/",
            "\(directory)/proposals.json:2:85: proposals[0].proposers[0]: 'nobody' does not name an entity in entities.json",
            "\(directory)/events.json:3:16: events[0].location: 'narnia' does not name an entity in entities.json",
            "\(directory)/events.json:2:101: events[0].participants[0].entity: 'atlantis' does not name an entity in entities.json",
            "\(directory)/events.json:3:40: events[0].proposals[0]: 'no-such-plan' does not name a proposal in proposals.json",
        ] {
            #expect(errors.contains { $0.hasPrefix(expected) }, "missing: \(expected)")
        }
    }

    @Test func unfoundQuotesNameRecordQuoteAndWhy() throws {
        let directory = Self.directory("unfound-quotes")
        let errors = try Self.failure("unfound-quotes")
        // The skipped article's own error is not fatal, so only the four annotation errors are.
        #expect(errors == [
            "\(directory)/events.json:5:62: evidence quote of 'wrong-case' not found in the cleaned text of article 'good': "
                + "\"Talks on security guarantees went well\" (it differs only in letter case from paragraph 1)",
            "\(directory)/events.json:7:62: evidence quote of 'two-paragraphs' not found in the cleaned text of article 'good': "
                + "\"in Kyiv on Monday. Zelenskiy said\" (it spans two paragraphs; a quote must lie within one)",
            "\(directory)/events.json:9:62: evidence quote of 'not-there' not found in the cleaned text of article 'good': "
                + "\"a sentence that no article contains\"",
            "\(directory)/events.json:11:45: events[4].evidence[0].article: 'latin1' does not name a loaded article (its file was skipped)",
        ])
    }
}
