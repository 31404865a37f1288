/// Why a query string could not become a `SearchQuery`.
///
/// Thrown with typed `throws(SearchError)` by `SearchQuery.init(parsing:)` and
/// `SearchIndex.search(_:kinds:)`. Every case is the client's fault: the API
/// layer maps all of them to 400. A query that parses but matches nothing is
/// not an error; it yields an empty result.
public enum SearchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No searchable term: empty, only punctuation, or only stop words.
    case emptyQuery
    /// The raw query is longer than `maximumBytes` UTF-8 bytes.
    case queryTooLong(maximumBytes: Int)
    /// More distinct terms and phrases than `maximum`.
    case tooManyClauses(maximum: Int)

    public var description: String {
        switch self {
        case .emptyQuery:
            return "the query has no searchable terms (it is empty, punctuation, or only stop words)"
        case .queryTooLong(let maximumBytes):
            return "the query is longer than \(maximumBytes) bytes"
        case .tooManyClauses(let maximum):
            return "the query has more than \(maximum) terms and phrases"
        }
    }
}
