/// A parsed full-text query: a list of clauses. Ranked search (`SearchIndex.search`) takes
/// documents matching any clause, scored by BM25F times the share of clauses they match (a
/// coordination boost); a filter (`documentIDs(matching:)`, `/events?q=`) takes only documents
/// matching every clause.
///
/// Syntax: bare words and `"quoted phrases"` (straight or curly quotes); no other operators.
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
        /// Any of several term sequences: every name of one entity ("Zelensky", "Zelenskiy",
        /// "Ukrainian president"), so its mentions count as one term whatever the spelling.
        case anyOf([[String]])
    }

    public static let maximumBytes = 1024
    public static let maximumClauses = 32

    public let clauses: [Clause]

    /// `names`: for a run of up to four query words, every name of the one entity it names
    /// exactly (or nil); such a run becomes an ``Clause/anyOf(_:)`` clause. Quoted phrases are
    /// kept as written.
    public init(parsing text: String, names: ((String) -> [String]?)? = nil) throws(SearchError) {
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
            let words = segment.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
                .map { String(String.UnicodeScalarView($0)) }
            var index = 0
            while index < words.count {
                // The longest run of words that names one entity, if a resolver is given.
                if let names, let (length, forms) = Self.entityRun(words, at: index, names: names, tokenizer: &tokenizer) {
                    var alternatives: [[String]] = []
                    for form in forms {
                        let terms = tokenizer.terms(in: form)
                        if !terms.isEmpty && !alternatives.contains(terms) { alternatives.append(terms) }
                    }
                    if !alternatives.isEmpty {
                        add(.anyOf(alternatives))
                        index += length
                        continue
                    }
                }
                let terms = tokenizer.terms(in: words[index])
                if terms.count == 1 {
                    if !SearchStopWords.contains(terms[0]) { add(.term(terms[0])) }
                } else if terms.count > 1 {
                    add(.phrase(terms))
                }
                index += 1
            }
        }
        guard !clauses.isEmpty else { throw .emptyQuery }
        guard clauses.count <= Self.maximumClauses else {
            throw .tooManyClauses(maximum: Self.maximumClauses)
        }
        self.clauses = clauses
    }

    /// The longest run (up to four words) at `index` that `names` resolves, skipping a run of one
    /// stop word ("the" is no entity).
    static func entityRun(
        _ words: [String], at index: Int, names: (String) -> [String]?, tokenizer: inout SearchTokenizer
    ) -> (Int, [String])? {
        for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
            let run = words[index..<index + length].joined(separator: " ")
            if length == 1 {
                let terms = tokenizer.terms(in: run)
                if terms.count == 1 && SearchStopWords.contains(terms[0]) { continue }
            }
            if let forms = names(run) { return (length, forms) }
        }
        return nil
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
