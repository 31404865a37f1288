import Store

/// One loaded, immutable seed set: the knowledge base, its search index and its version.
///
/// The application swaps whole datasets on reload; a request keeps the one it started with.
public final class Dataset: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let search: SearchIndex
    public let report: LoadReport
    /// SHA-256 (hex) over every seed file's path and bytes: equal on every replica with the same seeds.
    public let version: String
    /// Wall-clock load time (RFC 3339) and the whole load's duration in milliseconds: reading,
    /// assembly and extraction, the indexes, the version hash and the search index.
    public let loadedAt: String
    public let loadMilliseconds: Double
    /// Copied after the load into storage of its own (``DatasetCompaction``), and how long the
    /// copy took (part of `loadMilliseconds`); nil when not compacted.
    public let compactionMilliseconds: Double?
    public var isCompacted: Bool { compactionMilliseconds != nil }
    public let cache = ResponseCache()
    /// Serialized single records for cache-miss lists (see ``RecordFragments``).
    let fragments = RecordFragments()

    /// `started`: ``Metrics/now()`` when the load began.
    public init(result: SeedLoadResult, loadedAt: String, started: Double) {
        knowledgeBase = result.knowledgeBase
        report = result.report
        var parts: [[UInt8]] = []
        for file in result.files.sorted(by: { $0.path < $1.path }) {
            parts.append(Array(file.path.utf8) + [0])
            parts.append(Array(String(file.bytes.count).utf8) + [0])
            parts.append(file.bytes)
        }
        version = SHA256.hex(SHA256.digest(parts: parts))
        self.loadedAt = loadedAt
        search = result.search
        compactionMilliseconds = nil
        loadMilliseconds = Self.milliseconds(from: started, to: Metrics.now())
    }

    /// `loaded` copied by `compactor` into new allocations on this thread (see
    /// ``DatasetCompaction``, which copies on two); the load time now includes the copy.
    convenience init(compacting loaded: Dataset, by compactor: Compactor, started: Double) {
        let copyStarted = Metrics.now()
        self.init(
            copyOf: loaded, knowledgeBase: loaded.knowledgeBase.compacted(by: compactor),
            search: loaded.search.compacted(by: compactor), report: loaded.report.compacted(by: compactor),
            by: compactor, copyStarted: copyStarted, started: started
        )
    }

    /// `loaded` from its knowledge base, search index and report already copied (by compactors
    /// sharing `compactor`'s table); its version and load time copied by `compactor`. The load
    /// time now includes the copy, which began at `copyStarted`.
    init(
        copyOf loaded: Dataset, knowledgeBase: KnowledgeBase, search: SearchIndex, report: LoadReport,
        by compactor: Compactor, copyStarted: Double, started: Double
    ) {
        self.knowledgeBase = knowledgeBase
        self.search = search
        self.report = report
        version = compactor.string(loaded.version)
        loadedAt = compactor.string(loaded.loadedAt)
        let finished = Metrics.now()
        compactionMilliseconds = Self.milliseconds(from: copyStarted, to: finished)
        loadMilliseconds = Self.milliseconds(from: started, to: finished)
    }

    /// Between two ``Metrics/now()`` readings, in milliseconds to the microsecond.
    private static func milliseconds(from start: Double, to end: Double) -> Double {
        ((end - start) * 1_000_000).rounded() / 1000
    }
}
