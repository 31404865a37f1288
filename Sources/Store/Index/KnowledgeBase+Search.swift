/// What search sees of the knowledge base: titles weigh most, then names and aliases, then text.
/// The load builds the index (``SeedLoadResult/search``): the articles' part as soon as they are
/// final, the records' part at the end.
extension KnowledgeBase {
    /// One document per article: its title and its paragraphs.
    static func searchDocuments(articles: [Article]) -> [SearchDocument] {
        articles.map { article in
            var fields = [SearchField(name: "title", text: article.title, weight: 3)]
            fields += article.paragraphs.map { SearchField(name: "text", text: $0.text, weight: 1) }
            return SearchDocument(id: article.id, kind: "article", fields: fields)
        }
    }

    /// One document per entity, event and proposal, in that order.
    static func searchDocuments(entities: [Entity], events: [Event], proposals: [Proposal]) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for entity in entities {
            var fields = [SearchField(name: "name", text: entity.name, weight: 3)]
            fields += entity.aliases.map { SearchField(name: "alias", text: $0.text, weight: 2) }
            if let description = entity.description { fields.append(SearchField(name: "description", text: description, weight: 1)) }
            documents.append(SearchDocument(id: entity.id, kind: "entity", fields: fields))
        }
        for event in events {
            var fields = [SearchField(name: "title", text: event.title, weight: 3),
                          SearchField(name: "summary", text: event.summary, weight: 1.5)]
            fields += event.evidence.map { SearchField(name: "evidence", text: $0.quote, weight: 1) }
            documents.append(SearchDocument(id: event.id, kind: "event", fields: fields))
        }
        for proposal in proposals {
            var fields = [SearchField(name: "title", text: proposal.title, weight: 3),
                          SearchField(name: "summary", text: proposal.summary, weight: 1.5)]
            fields += proposal.conditions.map { SearchField(name: "condition", text: $0.text, weight: 1) }
            fields += proposal.evidence.map { SearchField(name: "evidence", text: $0.quote, weight: 1) }
            documents.append(SearchDocument(id: proposal.id, kind: "proposal", fields: fields))
        }
        return documents
    }
}
