#if canImport(Glibc)
import Glibc
#endif

/// Loads a seeds directory (see `seeds/FORMAT.md`) into a `KnowledgeBase`.
///
/// Reads `articles/*.txt` (sorted by name), `articles.json`,
/// `entities.json`, `events.json` and `proposals.json`; a missing JSON file
/// is an empty collection with a warning, a broken one is an error. Every
/// error of the load is collected; if any is fatal, `load()` throws one
/// `SeedLoadFailure` carrying all of them (the server must not start).
/// Article files that are not UTF-8 or cannot be read are skipped and
/// reported in `LoadReport.errors`, unless `strict`, where they are fatal.
/// Synchronous, single-threaded, linear in the size of the seeds; call it
/// once at startup from any thread.
public struct SeedLoader: Sendable {
    /// `limits.maxArticleBytes` by default: 4 MiB, some forty times a long feature article.
    public static let defaultMaxArticleBytes = 4 << 20

    public let directory: String
    public let strict: Bool
    /// An article file larger than this is not read: an error naming the file and the limit
    /// (fatal only when `strict`), and the rest loads.
    public let maxArticleBytes: Int

    public init(directory: String, strict: Bool = false, maxArticleBytes: Int = SeedLoader.defaultMaxArticleBytes) {
        self.directory = directory
        self.strict = strict
        self.maxArticleBytes = maxArticleBytes
    }

    /// Reads and loads the directory.
    /// `beforeAssembling` is called with the number of article files read, before any of them
    /// is cleaned: a caller can prepare for a load of that size (the API starts its compaction
    /// threads there, before the load's pool threads come and go).
    public func load(beforeAssembling: (_ articleFiles: Int) -> Void = { _ in }) throws(SeedLoadFailure) -> SeedLoadResult {
        let clock = ContinuousClock()
        let start = clock.now
        let (files, problems, warnings) = SeedLoader.readDirectory(directory, maxArticleBytes: maxArticleBytes)
        beforeAssembling(files.count { $0.path.hasPrefix("articles/") && $0.path.lowercased().hasSuffix(".txt") })
        if problems.contains(where: { $0.isFatal(strict: strict) }) {
            var report = LoadReport()
            report.directory = directory
            report.errors = problems
            throw SeedLoadFailure(errors: problems.filter { $0.isFatal(strict: strict) }, report: report)
        }
        var assembler = SeedAssembler(directory: directory, strict: strict)
        assembler.report.errors = problems
        assembler.report.warnings = warnings
        assembler.report.skipped = problems.compactMap { problem in
            guard case .unreadable(let path, let reason) = problem else { return nil }
            return LoadReport.SkippedFile(path: path, reason: reason)
        }
        assembler.report.timings.append(LoadReport.Timing(phase: "read", duration: clock.now - start))
        return try assembler.assemble(files)
    }

    /// Loads seed files already in memory (paths relative to the seeds
    /// directory, e.g. `entities.json`, `articles/a.txt`). `directory` only
    /// prefixes the file names in messages.
    public static func load(files: [SeedFile], directory: String = "seeds", strict: Bool = false) throws(SeedLoadFailure) -> SeedLoadResult {
        var assembler = SeedAssembler(directory: directory, strict: strict)
        return try assembler.assemble(files)
    }

    /// The collection files at the top of a seeds directory.
    static let collectionFiles = ["articles.json", "entities.json", "events.json", "proposals.json"]

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The seed files under `directory`, and the problems met reading them. See
    /// ``SeedFileReader`` for what is refused (links) and skipped (FIFOs, devices).
    static func readDirectory(_ directory: String, maxArticleBytes: Int = defaultMaxArticleBytes) -> (files: [SeedFile], problems: [SeedError], warnings: [SeedWarning]) {
        guard isDirectory(directory) else {
            return ([], [.missingDirectory(path: directory)], [])
        }
        let articlesPath = directory + "/articles"
        guard SeedFileReader.isRealDirectory(articlesPath) else {
            if SeedFileReader.isLink(articlesPath) {
                return ([], [.unreadable(path: articlesPath, reason: "a symbolic link; articles/ must be a directory inside the seeds directory")], [])
            }
            return ([], [.missingDirectory(path: articlesPath)], [])
        }
        var files: [SeedFile] = []
        var problems: [SeedError] = []
        var warnings: [SeedWarning] = []
        func record(_ outcome: SeedFileReader.Outcome, path: String, as name: String) {
            switch outcome {
            case .bytes(let bytes): files.append(SeedFile(path: name, bytes: bytes))
            case .refused(let reason): problems.append(.unreadable(path: path, reason: reason))
            case .special(let kind): warnings.append(.specialFile(path: path, kind: kind))
            }
        }
        func read(_ path: String, as name: String) {
            record(SeedFileReader.read(path), path: path, as: name)
        }
        for name in Self.collectionFiles {
            let path = directory + "/" + name
            guard SeedFileReader.exists(path) else { continue }
            read(path, as: name)
        }
        // The gazetteer (world knowledge), when the seeds carry one.
        let gazetteerPath = directory + "/gazetteer"
        if SeedFileReader.isRealDirectory(gazetteerPath), let entries = SeedFileReader.names(in: gazetteerPath) {
            for name in entries.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                read(gazetteerPath + "/" + name, as: "gazetteer/" + name)
            }
        }
        guard let names = SeedFileReader.names(in: articlesPath) else {
            return (files, problems + [.unreadable(path: articlesPath, reason: "cannot list the directory")], warnings)
        }
        // Only articles and their sidecars are read: anything else (a ".txt.tmp" a writer is about
        // to rename, notes, an unreadable file) is ignored with a warning, and never stops the load.
        var articleNames: [String] = []
        for name in names.filter({ !$0.hasPrefix(".") }).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let lowercased = name.lowercased()
            if lowercased.hasSuffix(".txt") || lowercased.hasSuffix(".json") || SeedFileReader.isRealDirectory(articlesPath + "/" + name) {
                articleNames.append(name)
            } else {
                warnings.append(.ignoredFile(path: articlesPath + "/" + name))
            }
        }
        // On threads of their own, kept in name order: an open, read and close per file, 100,000
        // of them, took seconds one after another, and longer from a cold page cache.
        let outcomes = Concurrently.mapWaiting(articleNames) { name -> SeedFileReader.Outcome? in
            let path = articlesPath + "/" + name
            return SeedFileReader.isRealDirectory(path) ? nil : SeedFileReader.read(path, limit: maxArticleBytes)
        }
        for (name, outcome) in zip(articleNames, outcomes) {
            guard let outcome else { continue }
            record(outcome, path: articlesPath + "/" + name, as: "articles/" + name)
        }
        return (files, problems, warnings)
    }
}
