/// The sentences the extraction rules read, shared by ``EventExtractor`` and ``StanceExtractor``:
/// the body paragraphs of news-length articles, split into sentences of sentence length, each
/// with its paragraph, article, the paragraph's mentions and a resolver for the article's date.
struct NewsSentences {
    let base: KnowledgeBase

    /// One sentence and what reading it needs.
    struct Item {
        let sentence: Sentences.Sentence
        let paragraph: Paragraph
        let article: Article
        /// The mentions in the sentence's paragraph.
        let mentions: [Mention]
        let resolver: TemporalResolver
        /// The sentence's words and date parts, tokenised once for every rule that reads it.
        let tokens: [TemporalTokens.Token]
        /// The person a "he" or "she" opening this sentence most likely is: the first person named
        /// in the nearest earlier sentence that names one, in this paragraph or the one before.
        var previousPerson: String? = nil
    }

    /// An article over 200,000 characters is not a news story (a dump, a book): not read.
    static let longestArticle = 200_000

    /// Longer runs are not sentences (a table, a run-on page): they are not read.
    static let longestSentence = 600

    /// Calls `body` for each sentence of `articleID` (by the index, not a scan), or of every article.
    func forEach(inArticle articleID: String?, _ body: (Item) -> Void) {
        let articles = articleID.map { id in base.article(id: id).map { [$0] } ?? [] } ?? base.articles
        for article in articles where Self.isNewsLength(article) {
            let byParagraph = Dictionary(grouping: base.mentions(inArticle: article.id), by: \.paragraph)
            let resolver = TemporalResolver(published: article.published)
            var previousPerson: (entity: String, paragraph: Int)?
            for paragraph in article.paragraphs where paragraph.kind == .body {
                let mentions = byParagraph[paragraph.index] ?? []
                if let named = previousPerson, paragraph.index - named.paragraph > 1 { previousPerson = nil }
                // The paragraph's people in text order, passed once with a cursor as its sentences are.
                let people = mentions.filter { base.entity(id: $0.entity)?.kind == .person }.sorted { $0.start < $1.start }
                var cursor = 0
                for sentence in Sentences.split(paragraph.text) where sentence.end - sentence.start <= Self.longestSentence {
                    body(Item(sentence: sentence, paragraph: paragraph, article: article, mentions: mentions, resolver: resolver,
                              tokens: TemporalTokens(sentence.text).tokens, previousPerson: previousPerson?.entity))
                    while cursor < people.count, people[cursor].start < sentence.start { cursor += 1 }
                    if cursor < people.count, people[cursor].end <= sentence.end { previousPerson = (people[cursor].entity, paragraph.index) }
                }
            }
        }
    }

    static func isNewsLength(_ article: Article) -> Bool {
        var total = 0
        for paragraph in article.paragraphs {
            total += paragraph.text.utf8.count
            if total > longestArticle { return false }
        }
        return true
    }
}
