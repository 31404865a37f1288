import Foundation
import Testing
@testable import Store

/// `articles/<name>.json` beside a dropped-in text: its fields win over what the text
/// suggests, `articles.json` wins over both, and a bad sidecar names its file and field.
@Suite struct SidecarMetadataTests {
    func seedsWithDropIn(sidecar: String?) throws -> String {
        let target = NSTemporaryDirectory() + "accord-sidecar-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: StoreFixtures.directory("minimal-seeds"), toPath: target)
        try FileManager.default.copyItem(atPath: StoreFixtures.directory("dropins/articles/tass-vladivostok.txt"),
                                         toPath: target + "/articles/tass-vladivostok.txt")
        if let sidecar { try sidecar.write(toFile: target + "/articles/tass-vladivostok.json", atomically: true, encoding: .utf8) }
        return target
    }

    @Test func withoutASidecarTheTextSpeaksAndSaysHow() throws {
        let seeds = try seedsWithDropIn(sidecar: nil)
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let article = try #require(try SeedLoader(directory: seeds).load().knowledgeBase.article(id: "tass-vladivostok"))
        #expect(article.metadata.source == .inferred)
        #expect(article.outlet == "TASS")
        #expect(article.title.hasPrefix("Any Western troops"))
        #expect(article.published == nil)
        #expect(article.metadata.notes.contains { $0.hasPrefix("published: the dateline says 'September 5'") })
        #expect(article.metadata.inferred["outlet"]?.contains("/TASS/") == true)
        #expect(article.metadata.datelinePlace == "VLADIVOSTOK")
    }

    /// The loader tells its caller how many article texts it read before it assembles them
    /// (the API starts its compaction threads there): texts only, not their sidecars.
    @Test func theLoaderCountsArticleTextsBeforeAssembling() throws {
        let seeds = try seedsWithDropIn(sidecar: #"{"outlet": "TASS"}"#)
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let texts = try FileManager.default.contentsOfDirectory(atPath: seeds + "/articles").filter { $0.hasSuffix(".txt") }.count
        var counts: [Int] = []
        let result = try SeedLoader(directory: seeds).load { counts.append($0) }
        #expect(counts == [texts] && texts >= 2)
        #expect(result.knowledgeBase.articles.count == texts)
    }

    /// What counts as a file of `articles/` for a non-fatal error: an article's sidecar, never a
    /// collection file, also in a seeds folder itself named "articles".
    @Test(arguments: [
        ("seeds/articles/a.json", true), ("seeds/articles/a.txt", true), ("seeds/articles.json", false),
        ("articles/entities.json", false), ("/data/articles/events.json", false), ("seeds/gazetteer/countries.json", false),
    ])
    func aSidecarIsAFileOfArticles(_ path: String, _ inArticles: Bool) {
        #expect(SeedError.isInArticles(path) == inArticles, "\(path)")
    }

    @Test func aSidecarGivesTitleOutletURLAndDate() throws {
        let seeds = try seedsWithDropIn(sidecar: """
            {"title": "Putin: Western troops in Ukraine would be legitimate targets", "url": "https://tass.com/politics/1",
             "published": "2025-09-05"}
            """)
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let article = try #require(try SeedLoader(directory: seeds).load().knowledgeBase.article(id: "tass-vladivostok"))
        #expect(article.metadata.source == .sidecar)
        #expect(article.title == "Putin: Western troops in Ukraine would be legitimate targets")
        #expect(article.published?.iso == "2025-09-05")
        #expect(article.published?.reason == "stated in the article's sidecar metadata")
        #expect(article.metadata.url == "https://tass.com/politics/1")
        #expect(article.outlet == "TASS", "not in the sidecar: still inferred")
        #expect(article.metadata.inferred["outlet"] != nil && article.metadata.inferred["title"] == nil)
    }

    /// A bad sidecar names its file and field, and stops nothing: the article is served with what
    /// its text gives (a dropped-in file never stops the load). A strict load refuses it.
    @Test(arguments: ["{\"title\": \"T\", \"publishd\": \"2025-09-05\"}", "{\"published\": \"2025-02-31\"}", "{\"title\": "])
    func aBadSidecarNamesItsFileAndFieldAndStopsNothing(sidecar: String) throws {
        let seeds = try seedsWithDropIn(sidecar: sidecar)
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let result = try SeedLoader(directory: seeds).load()
        #expect(result.report.errors.contains { $0.description.contains("tass-vladivostok.json:1:") }, "\(result.report.errors)")
        let article = try #require(result.knowledgeBase.article(id: "tass-vladivostok"))
        #expect(article.published?.iso != "2025-02-31" && article.title != "T")
        do {
            _ = try SeedLoader(directory: seeds, strict: true).load()
            Issue.record("a strict load took a bad sidecar")
        } catch {
            #expect(error.errors.contains { $0.description.contains("tass-vladivostok.json:1:") }, "\(error.errors)")
        }
    }
}
