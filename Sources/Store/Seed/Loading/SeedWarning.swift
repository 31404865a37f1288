/// Something odd in the seeds that does not stop the load.
///
/// Reported in `LoadReport.warnings`; `description` is
/// `file:line:column: message` or `path: message`.
public enum SeedWarning: Sendable, Hashable, CustomStringConvertible {
    /// An empty article file, or one with no text left after cleaning; skipped.
    case emptyArticle(path: String)
    /// An optional collection file that does not exist; loaded as empty.
    case missingCollection(path: String)
    /// A file in `articles/` that does not end in `.txt`; ignored.
    case ignoredFile(path: String)
    /// A FIFO, socket or device among the seeds: never opened; skipped.
    case specialFile(path: String, kind: String)
    /// Two entities claim the same surface form; mentions go to `keptFor`.
    case aliasConflict(SourceLocation, alias: String, entity: String, keptFor: String)
    /// An `enrichment` entry that names no field of its record.
    case unknownEnrichmentField(SourceLocation, path: String, field: String)
    /// Two article files whose names give one id ("news_1.txt", "News 1.txt"): the name
    /// closer to the id keeps it, the other is served under the id with its name's hash.
    case renamedArticle(path: String, id: String, takenBy: String, servedAs: String)
    /// An article longer than news copy: served and searched, but no event or stance is read
    /// from it (``NewsSentences/longestArticle``).
    case notExtracted(path: String, limit: Int)
    /// A reference to an existing entity of an unexpected type.
    case unexpectedEntityKind(SourceLocation, path: String, id: String, expected: String, actual: Entity.Kind)

    /// A file the load passed over (reported by the server at start-up and on reload).
    public var isSkippedFile: Bool {
        switch self {
        case .specialFile, .emptyArticle: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .emptyArticle(let path):
            return "\(path): no article text (empty file or only boilerplate); skipped"
        case .missingCollection(let path):
            return "\(path): file not found; loaded as an empty collection"
        case .ignoredFile(let path):
            return "\(path): not a .txt file; ignored"
        case .specialFile(let path, let kind):
            return "\(path): \(kind), not a regular file; skipped"
        case .aliasConflict(let location, let alias, let entity, let keptFor):
            return "\(location): alias '\(alias)' of '\(entity)' is already a name of '\(keptFor)'; mentions go to '\(keptFor)'"
        case .unknownEnrichmentField(let location, let path, let field):
            return "\(location): \(path): '\(field)' is not a field of this record"
        case .unexpectedEntityKind(let location, let path, let id, let expected, let actual):
            return "\(location): \(path): '\(id)' is a \(actual.rawValue), expected \(expected)"
        case .notExtracted(let path, let limit):
            return "\(path): more than \(limit) bytes of text, longer than any news article; served and searched, but no events or stances are read from it"
        case .renamedArticle(let path, let id, let takenBy, let servedAs):
            return "\(path): its id '\(id)' is the id of \(takenBy); served as '\(servedAs)'"
        }
    }
}
