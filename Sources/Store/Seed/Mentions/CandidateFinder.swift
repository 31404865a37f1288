/// Finds capitalised names in article text that no entity alias covers,
/// so curators can extend the catalog.
///
/// A candidate is a run of capitalised words (joined by `of`, `de`, `von`
/// ... when a capitalised word follows) outside every detected mention.
/// Leading function words (`The`, `In`, `But` ...) are dropped, and a lone
/// word that opens a sentence is ignored, since capitalisation there says
/// nothing. Weekdays and months are not names. Linear in the text.
public enum CandidateFinder {
    /// A name and where it occurs.
    public struct Candidate: Sendable, Hashable {
        public let text: String
        public let count: Int
        /// Article ids, in article order.
        public let articles: [String]
    }

    static let connectors: Set<String> = ["of", "de", "von", "der", "van", "la", "le", "al", "bin", "du", "da", "the"]

    static let stopwords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "to", "by", "for", "from", "with", "of", "but", "and", "or", "as",
        "while", "when", "meanwhile", "however", "during", "despite", "after", "before", "this", "that",
        "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its",
        "some", "both", "any", "all", "moreover", "according", "just", "rather", "if", "so", "yet", "still",
        "there", "here", "what", "who", "which", "where", "why", "how", "also", "even", "many", "most",
        "such", "no", "not", "one", "two", "three", "each", "every", "other", "another", "several", "more",
        "mr", "mrs", "ms", "dr", "president", "prime", "minister", "chancellor", "secretary", "general",
    ]

    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Candidates across the knowledge base, most frequent first, then alphabetical.
    public static func candidates(in knowledgeBase: KnowledgeBase) -> [Candidate] {
        // Each article's names on every core; counted in article order.
        let perArticle = Concurrently.map(knowledgeBase.articles) { article -> [String] in
            var covered: [Int: [Range<Int>]] = [:]
            for mention in knowledgeBase.mentions(inArticle: article.id) {
                covered[mention.paragraph, default: []].append(mention.start..<mention.end)
            }
            return article.paragraphs.flatMap { names(in: $0, covered: covered[$0.index] ?? []) }
        }
        var counts: [String: Int] = [:]
        var seenIn: [String: [String]] = [:]
        for (article, names) in zip(knowledgeBase.articles, perArticle) {
            for name in names {
                counts[name, default: 0] += 1
                if seenIn[name]?.last != article.id { seenIn[name, default: []].append(article.id) }
            }
        }
        return counts.map { Candidate(text: $0.key, count: $0.value, articles: seenIn[$0.key] ?? []) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
    }

    static func names(in paragraph: Paragraph, covered: [Range<Int>]) -> [String] {
        let shadow = ShadowText(paragraph.text)
        if paragraph.kind == .heading && LineShape.isAllCapitals(shadow.scalars) { return [] }
        let tokens = MentionTokenizer.tokens(shadow.scalars)
        var names: [String] = []
        var run: [(text: String, sentenceStart: Bool)] = []
        var sentenceStart = true
        // The covered ranges in order, swept with the tokens (a check against every range per
        // token was quadratic: 44 s for a 2.5 MB one-paragraph article).
        let covered = covered.sorted { $0.lowerBound < $1.lowerBound }
        var firstOpen = 0
        func coveredByMention(_ served: Range<Int>) -> Bool {
            while firstOpen < covered.count, covered[firstOpen].upperBound <= served.lowerBound { firstOpen += 1 }
            var index = firstOpen
            while index < covered.count, covered[index].lowerBound < served.upperBound {
                if covered[index].overlaps(served) { return true }
                index += 1
            }
            return false
        }
        func flush() {
            defer { run.removeAll() }
            while let last = run.last, connectors.contains(last.text) { run.removeLast() }
            var start = 0
            while start < run.count, stopwords.contains(run[start].text.lowercased()) || calendarWords.contains(run[start].text.lowercased()) {
                start += 1
            }
            let words = run[start...]
            guard let first = words.first, !(words.count == 1 && first.sentenceStart) else { return }
            if words.count == 1 && (calendarWords.contains(first.text.lowercased()) || first.text.count < 2) { return }
            names.append(words.map(\.text).joined(separator: " "))
        }
        for token in tokens {
            let served = shadow.servedRange(token.start..<token.end)
            let isCovered = coveredByMention(served)
            let isWord = token.text.unicodeScalars.first.map(MentionTokenizer.isWordScalar) ?? false
            let capitalised = isWord && (token.text.first?.isUppercase ?? false)
            if !isCovered && capitalised {
                run.append((token.text, sentenceStart && run.isEmpty))
            } else if !isCovered && isWord && connectors.contains(token.text) && !run.isEmpty {
                run.append((token.text, false))
            } else {
                flush()
            }
            if isWord {
                sentenceStart = false
            } else if [".", "!", "?"].contains(token.text) {
                sentenceStart = true
            }
        }
        flush()
        return names
    }
}
