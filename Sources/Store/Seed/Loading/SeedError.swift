/// A problem in the seeds that the loader reports.
///
/// `description` is `file:line:column: message` (or `path: message` for
/// problems with a whole file). Collected, not thrown one by one:
/// `SeedLoader` gathers every error of a load into `LoadReport.errors` and
/// throws `SeedLoadFailure` when any of them is fatal (see `isFatal(strict:)`).
public enum SeedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Malformed JSON, unknown or missing field, wrong type, bad enum value, bad value.
    case json(JSONError)
    /// An id that is not a lowercase slug `[a-z0-9]+(-[a-z0-9]+)*`.
    case badSlug(SourceLocation, path: String, value: String)
    case duplicateID(SourceLocation, id: String, collection: String, firstDefinedAt: SourceLocation)
    /// `id` at `path` names no record of the kind `expected` (e.g. "entity").
    case danglingReference(SourceLocation, path: String, id: String, expected: String)
    /// An evidence quote that is not in the cleaned article text.
    case quoteNotFound(SourceLocation, record: String, article: String, quote: String, hint: String?)
    /// An article file that is not UTF-8; skipped unless the load is strict.
    case invalidUTF8(SourceLocation, byteOffset: Int)
    /// An article file of valid UTF-8 with NUL bytes all through it (UTF-16 without a byte order
    /// mark, or a binary file); skipped unless the load is strict.
    case notText(SourceLocation, nulBytes: Int)
    /// A file or directory that exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The seeds directory or its `articles/` folder is missing.
    case missingDirectory(path: String)

    public var location: SourceLocation? {
        switch self {
        case .json(let error): return error.location
        case .badSlug(let location, _, _), .duplicateID(let location, _, _, _),
             .danglingReference(let location, _, _, _), .quoteNotFound(let location, _, _, _, _),
             .invalidUTF8(let location, _), .notText(let location, _):
            return location
        case .unreadable, .missingDirectory:
            return nil
        }
    }

    public var message: String {
        switch self {
        case .json(let error):
            return error.message
        case .badSlug(_, let path, let value):
            return "\(path): '\(value)' is not a lowercase slug ([a-z0-9]+(-[a-z0-9]+)*)"
        case .duplicateID(_, let id, let collection, let first):
            return "duplicate \(collection) id '\(id)' (first defined at \(first))"
        case .danglingReference(_, let path, let id, let expected):
            return "\(path): '\(id)' does not name \(expected)"
        case .quoteNotFound(_, let record, let article, let quote, let hint):
            let base = "evidence quote of '\(record)' not found in the cleaned text of article '\(article)': \"\(quote)\""
            return hint.map { base + " (\($0))" } ?? base
        case .invalidUTF8(_, let byteOffset):
            return "not valid UTF-8: first bad byte at offset \(byteOffset); file skipped"
        case .notText(_, let nulBytes):
            return "\(nulBytes) NUL bytes: not a UTF-8 text file (UTF-16 without a byte order mark, or binary); file skipped"
        case .unreadable(_, let reason):
            return "cannot read: \(reason)"
        case .missingDirectory:
            return "directory not found"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, _), .missingDirectory(let path):
            return "\(path): \(message)"
        default:
            return location.map { "\($0): \(message)" } ?? message
        }
    }

    /// Whether this error stops the load. Unreadable or non-UTF-8 article
    /// files are skipped unless `strict`, and so is what is wrong with an article's
    /// sidecar (`articles/<name>.json`: the article is served with what its text gives), so
    /// that one dropped-in file never stops the rest; everything else is fatal.
    public func isFatal(strict: Bool) -> Bool {
        switch self {
        case .invalidUTF8, .notText:
            return strict
        case .unreadable(let path, _):
            return strict || !(path.hasSuffix(".txt") || Self.isInArticles(path))
        case .json(let error):
            return strict || !Self.isInArticles(error.location.file)
        default:
            return true
        }
    }

    /// A file inside the seeds' `articles/` folder (an article or its sidecar), not a
    /// collection file such as `articles.json` (also when the seeds folder is itself named
    /// "articles").
    static func isInArticles(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.dropLast().last == "articles", let name = parts.last else { return false }
        return !SeedLoader.collectionFiles.contains(String(name))
    }
}
