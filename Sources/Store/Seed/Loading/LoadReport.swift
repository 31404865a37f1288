/// Everything a load found out, successful or not.
///
/// `errors` holds every error (a failed load's fatal ones and, for a
/// successful load, the article files skipped as unreadable or not UTF-8);
/// `warnings` the rest. `articles` summarises the cleaning of each loaded
/// article so `accord validate` can print it even when the load failed.
public struct LoadReport: Sendable {
    /// Wall time of one load phase.
    public struct Timing: Sendable, Hashable {
        public let phase: String
        public let duration: Duration
    }

    /// A file that was not loaded, and why.
    public struct SkippedFile: Sendable, Hashable {
        public let path: String
        public let reason: String
    }

    /// What cleaning did to one article.
    public struct ArticleSummary: Sendable, Hashable {
        public let id: String
        public let file: String
        public let paragraphCount: Int
        public let headingCount: Int
        public let stripped: [StrippedBlock]
        public let cleaning: CleaningReport
    }

    /// An entity found by a pattern in an article's text (not curated, not in the gazetteer).
    public struct ExtractedEntity: Sendable, Hashable {
        public let id: String
        public let name: String
        public let kind: Entity.Kind
        /// The pattern that found it: person-after-title, named-organisation, dateline-place.
        public let rule: String
        public let article: String
        public let quote: String
    }

    public internal(set) var errors: [SeedError] = []
    public internal(set) var extractedEntities: [ExtractedEntity] = []
    public internal(set) var warnings: [SeedWarning] = []
    public internal(set) var skipped: [SkippedFile] = []
    public internal(set) var articles: [ArticleSummary] = []
    public internal(set) var timings: [Timing] = []
    /// The directory (or label) the seeds came from.
    public internal(set) var directory: String = ""

    public var totalDuration: Duration {
        timings.reduce(Duration.zero) { $0 + $1.duration }
    }
}
