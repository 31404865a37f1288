/// English function words that a query drops when they stand alone.
///
/// Documents index every token, stop words included, so quoted phrases such
/// as `"the end of the war"` still match exactly; only bare query terms in
/// this list are ignored. Compared as stems (the words below through
/// `SearchStemmer`). `us` is deliberately absent: it is also `U.S.`.
enum SearchStopWords {
    static let terms: Set<String> = {
        let stemmer = SearchStemmer()
        return Set(words.map { stemmer.stem($0) })
    }()

    static let words: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from",
        "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
        "its", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "to", "was", "we",
        "were", "what", "when", "where", "which", "while", "who", "will", "with",
        "would", "you", "your",
    ]

    static func contains(_ term: String) -> Bool {
        terms.contains(term)
    }
}
