import API
import ArgumentParser
import FoundationEssentials
import Glibc
import HTTP
import Store

/// `accord extract`: what the extraction rules read from articles no curator has annotated,
/// printed in the seed annotation format so a curator can review, edit and paste it into
/// `events.json`, `proposals.json` and `entities.json` unchanged. Confidence and rule go to
/// stderr, one line per record, so stdout stays loadable.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print extracted events, proposals, positions and entities in the seed annotation format.",
        discussion: """
            stdout: {"events": [...], "proposals": [...], "entities": [...]} (records to add to those files as they are),
            "positions" (each a position to add to the named proposal's "positions") and "sources" (evidence to add to
            the named event's "evidence"). stderr: each record's confidence and rule.
            """
    )

    @Option(help: "Seeds directory (default: the repository's or the installed seeds/).")
    var seeds: String?

    @Option(help: "An article file to read beside the seeds (only what it adds is printed).")
    var article: String?

    func run() throws {
        let directory = seeds ?? ResourceLocator.seeds()
        var loadFrom = directory
        var temporary: String?
        var only: String?
        if let article {
            let name = URL(fileURLWithPath: article).lastPathComponent
            guard name.hasSuffix(".txt") else { throw ValidationError("--article must name a .txt file: \(article)") }
            guard FileManager.default.isReadableFile(atPath: article) else {
                throw ValidationError("--article: cannot read \(article) (no such file, or not readable)")
            }
            // A FIFO or device would block the copy below (the load never opens one either).
            var status = stat()
            guard stat(article, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw ValidationError("--article: \(article) is not a regular file")
            }
            only = Article.id(forFile: name)
            let inPlace = directory + "/articles/" + name
            // Already among the seeds' articles: load the seeds as they are.
            if !FileManager.default.fileExists(atPath: inPlace) {
                // A scratch copy of the seeds with the article added; the seeds themselves are not touched.
                let scratch = FileManager.default.temporaryDirectory.path + "/accord-extract-\(getpid())"
                try? FileManager.default.removeItem(atPath: scratch)
                do {
                    try FileManager.default.copyItem(atPath: directory, toPath: scratch)
                    try FileManager.default.copyItem(atPath: article, toPath: scratch + "/articles/" + name)
                } catch {
                    try? FileManager.default.removeItem(atPath: scratch)
                    throw ValidationError("--article: cannot copy \(directory) and \(article) to \(scratch): \(error)")
                }
                loadFrom = scratch
                temporary = scratch
            }
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let result: SeedLoadResult
        do throws(SeedLoadFailure) {
            result = try SeedLoader(directory: loadFrom).load()
        } catch {
            StandardStreams.write(Array(ValidationSummary(failure: error).text.utf8), to: .diagnostics)
            throw ExitCode(1)
        }
        // By its file: two names with one id are served under two ids ("news-1", "news-1-<hash>").
        if let article, let served = result.knowledgeBase.articles.first(where: { $0.file == URL(fileURLWithPath: article).lastPathComponent }) {
            only = served.id
        }
        let annotations = ExtractedAnnotations(base: result.knowledgeBase, report: result.report, article: only)
        print(String(decoding: annotations.json.serialized(pretty: true), as: UTF8.self))
        StandardStreams.write(Array((annotations.notes.joined(separator: "\n") + "\n").utf8), to: .diagnostics)
    }
}
