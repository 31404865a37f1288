/// A parsed full-text query: a list of clauses that must all match (AND).
///
/// Syntax: bare words and `"quoted phrases"` (straight or curly quotes); no
/// other operators. Every clause must match for a document to be a hit: AND
/// suits short, specific news queries ("alaska summit") and keeps result
/// lists small and predictable; ranking within the hits is BM25F.
///
/// Parsing, with the same normalisation as documents (`SearchTokenizer`):
/// - A bare word that yields one term is a `.term`, unless it is a stop word,
///   which is dropped (`SearchStopWords`).
/// - A bare word that yields several terms (`in-depth`, `U.S.-led`) is a
///   `.phrase` of them, stop words kept.
/// - A quoted run is a `.phrase` of all its terms, stop words kept; one term
///   makes a `.term`; none makes nothing. An unclosed quote runs to the end.
/// - Repeated clauses are kept once.
///
/// Errors (`SearchError`): `.emptyQuery` when no clause is left,
/// `.queryTooLong` beyond `maximumBytes`, `.tooManyClauses` beyond
/// `maximumClauses`.
public struct SearchQuery: Sendable, Hashable {
    public enum Clause: Sendable, Hashable {
        /// One normalised, stemmed term.
        case term(String)
        /// Two or more normalised terms at consecutive positions in one field.
        case phrase([String])
    }

    public static let maximumBytes = 1024
    public static let maximumClauses = 32

    public let clauses: [Clause]

    public init(parsing text: String) throws(SearchError) {
        guard text.utf8.count <= Self.maximumBytes else {
            throw .queryTooLong(maximumBytes: Self.maximumBytes)
        }
        var tokenizer = SearchTokenizer()
        var clauses: [Clause] = []
        var seen: Set<Clause> = []
        func add(_ clause: Clause) {
            if seen.insert(clause).inserted { clauses.append(clause) }
        }
        for (segment, quoted) in Self.segments(of: text) {
            if quoted {
                let terms = tokenizer.terms(in: segment)
                if terms.count == 1 {
                    add(.term(terms[0]))
                } else if terms.count > 1 {
                    add(.phrase(terms))
                }
                continue
            }
            for word in segment.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }) {
                let terms = tokenizer.terms(in: String(String.UnicodeScalarView(word)))
                if terms.count == 1 {
                    if !SearchStopWords.contains(terms[0]) { add(.term(terms[0])) }
                } else if terms.count > 1 {
                    add(.phrase(terms))
                }
            }
        }
        guard !clauses.isEmpty else { throw .emptyQuery }
        guard clauses.count <= Self.maximumClauses else {
            throw .tooManyClauses(maximum: Self.maximumClauses)
        }
        self.clauses = clauses
    }

    /// Splits on quote characters; odd-numbered segments are quoted.
    private static func segments(of text: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        var current = String.UnicodeScalarView()
        var quoted = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}":
                result.append((String(current), quoted))
                current = String.UnicodeScalarView()
                quoted.toggle()
            default:
                current.append(scalar)
            }
        }
        result.append((String(current), quoted))
        return result
    }
}
