#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import Store

/// The seeds are served publicly: nothing outside the seeds directory may get in, nothing may
/// block the load, and a name that would match inside ordinary words is refused.
@Suite struct SeedFileSafetyTests {
    /// A private copy of `minimal-seeds` to damage.
    func copy() throws -> String {
        let target = NSTemporaryDirectory() + "accord-seeds-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: StoreFixtures.directory("minimal-seeds"), toPath: target)
        return target
    }

    @Test func linksOutOfTheSeedsAreRefusedAndNeverServed() throws {
        let seeds = try copy()
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        try FileManager.default.createSymbolicLink(atPath: seeds + "/articles/passwd.txt", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: seeds + "/articles/environ.txt", withDestinationPath: "/proc/self/environ")
        // A link to another seed file inside the directory is refused too: links are never followed.
        try FileManager.default.createSymbolicLink(atPath: seeds + "/articles/d.txt", withDestinationPath: seeds + "/articles/a.txt")
        let result = try SeedLoader(directory: seeds).load()
        let files = Set(result.knowledgeBase.articles.map(\.file))
        #expect(files == ["a.txt", "b.txt", "c.txt"])
        #expect(!result.knowledgeBase.articles.contains { $0.paragraphs.contains { $0.text.contains("root:") } })
        let errors = result.report.errors.map(\.description)
        for name in ["passwd.txt", "environ.txt", "d.txt"] {
            #expect(errors.contains { $0.contains("articles/\(name)") && $0.contains("symbolic link") }, "\(name): \(errors)")
        }
        #expect(!ValidationSummary(result: result).isOK, "validate's verdict reports the refused files")
        #expect(throws: SeedLoadFailure.self) { try SeedLoader(directory: seeds, strict: true).load() }
    }

    @Test func anArticleOverTheSizeLimitIsSkippedWithItsNameAndTheLimitWhileTheRestLoads() throws {
        let seeds = try copy()
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let paragraph = "Leaders met in Paris on Tuesday to discuss security guarantees for Ukraine.\n\n"
        try String(repeating: paragraph, count: 200).write(toFile: seeds + "/articles/huge.txt", atomically: true, encoding: .utf8)
        let result = try SeedLoader(directory: seeds, maxArticleBytes: 8192).load()
        #expect(Set(result.knowledgeBase.articles.map(\.file)) == ["a.txt", "b.txt", "c.txt"])
        let errors = result.report.errors.map(\.description)
        #expect(errors.contains { $0.contains("articles/huge.txt") && $0.contains("limits.maxArticleBytes") && $0.contains("8192") }, "\(errors)")
        #expect(throws: SeedLoadFailure.self) { try SeedLoader(directory: seeds, strict: true, maxArticleBytes: 8192).load() }
        // Under the default limit it is an ordinary article.
        #expect(try SeedLoader(directory: seeds).load().knowledgeBase.articles.contains { $0.file == "huge.txt" })
    }

    /// A cited article skipped for its size fails the records citing it; the refusal says why
    /// it was skipped first, not only that the file is missing.
    @Test func aRefusedLoadNamesTheSkippedFileBeforeWhatFailedBecauseOfIt() throws {
        let seeds = try copy()
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let paragraph = "Leaders met in Paris on Tuesday to discuss security guarantees for Ukraine.\n\n"
        try String(repeating: paragraph, count: 200).write(toFile: seeds + "/articles/a.txt", atomically: true, encoding: .utf8)
        let failure = #expect(throws: SeedLoadFailure.self) { try SeedLoader(directory: seeds, maxArticleBytes: 8192).load() }
        let text = failure?.description ?? ""
        let reason = text.range(of: "limits.maxArticleBytes")?.lowerBound
        let failed = text.range(of: "seed load failed with")?.lowerBound
        #expect(reason != nil && failed != nil && reason! < failed!, "\(text)")
        #expect(text.hasPrefix("skipped 1 file (a record citing one fails below):\n"))
    }

    @Test func aLinkedArticlesDirectoryOrCollectionIsRefused() throws {
        let seeds = try copy()
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        try FileManager.default.removeItem(atPath: seeds + "/articles")
        try FileManager.default.createSymbolicLink(atPath: seeds + "/articles", withDestinationPath: "/etc")
        #expect(throws: SeedLoadFailure.self) { try SeedLoader(directory: seeds).load() }

        let other = try copy()
        defer { try? FileManager.default.removeItem(atPath: other) }
        try FileManager.default.removeItem(atPath: other + "/proposals.json")
        try FileManager.default.createSymbolicLink(atPath: other + "/proposals.json", withDestinationPath: "/etc/hostname")
        do {
            _ = try SeedLoader(directory: other).load()
            Issue.record("a linked proposals.json loaded")
        } catch {
            #expect(error.errors.contains { $0.description.contains("proposals.json") && $0.description.contains("symbolic link") })
        }
    }

    @Test func aFIFOIsSkippedWithAWarningAndNeverOpened() throws {
        let seeds = try copy()
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        #expect(mkfifo(seeds + "/articles/pipe.txt", 0o644) == 0)
        // Opening a FIFO for reading would block until a writer comes: the load must return.
        let result = try SeedLoader(directory: seeds).load()
        #expect(result.knowledgeBase.articles.count == 3)
        let warnings = result.report.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("articles/pipe.txt") && $0.contains("a FIFO") }, "\(warnings)")
        #expect(result.report.warnings.contains { $0.isSkippedFile })
    }

    @Test(arguments: ["a", "\u{200B}", "\u{200B}\u{200B}", "e\u{301}", " x ", "\u{301}\u{301}"])
    func aliasesWithFewerThanTwoVisibleCharactersAreErrors(_ alias: String) throws {
        let seeds = try copy()
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        let path = seeds + "/entities.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let escaped = alias.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        text = text.replacingOccurrences(
            of: #"{"id": "russia", "type": "country", "name": "Russia", "aliases": []}"#,
            with: #"{"id": "russia", "type": "country", "name": "Russia", "aliases": [{"text": "\#(escaped)", "kind": "short-form"}]}"#
        )
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SeedLoader(directory: seeds).load()
            Issue.record("alias \(escaped) loaded")
        } catch {
            let message = error.errors.map(\.description).joined(separator: "\n")
            #expect(message.contains("entities.json:3:"), "\(message)")
            #expect(message.contains("'russia'"), "\(message)")
            #expect(message.contains("fewer than 2 visible characters"), "\(message)")
        }
    }

    @Test func twoVisibleCharactersAreEnough() {
        #expect(SeedAssembler.visibleCharacterCount("UN") == 2)
        #expect(SeedAssembler.visibleCharacterCount("é") == 1)
        #expect(SeedAssembler.visibleCharacterCount("U.S.") == 4)
        #expect(SeedAssembler.visibleCharacterCount("\u{200B}EU\u{200D}") == 2)
    }
}

/// Article ids from file names outside ASCII: folded where they can be, unique where they cannot.
extension SeedFileSafetyTests {
    @Test func fileNamesOutsideASCIIGetDistinctIds() {
        #expect(Article.id(forFile: "000_44894ce68db02e79.txt") == "000-44894ce68db02e79")
        #expect(Article.id(forFile: "Über_Kyjiw.txt") == "uber-kyjiw")
        let cyrillic = [Article.id(forFile: "тест.txt"), Article.id(forFile: "мира.txt")]
        #expect(cyrillic[0] != cyrillic[1])
        #expect(cyrillic.allSatisfy { $0.hasPrefix("article-") && $0.count == "article-".count + 8 })
        let mixed = Article.id(forFile: "Über_Kyjiw_тест.txt")
        #expect(mixed.hasPrefix("uber-kyjiw-") && !mixed.contains("--"))
        #expect(Article.id(forFile: "тест.txt") == Article.id(forFile: "тест.txt"), "stable")
    }
}
