import HTTP
import Store

extension Application {
    /// `/articles`, `/articles/{id}`, `/articles/{id}/entities|events|proposals`.
    func registerArticleRoutes() {
        resource("/articles", parameters: QueryParameters.paging + ["q", "sort"], formats: [.json, .csv]) { context in
            var articles = context.knowledgeBase.articles
            if let ids = try context.matching(kind: "article") { articles = articles.filter { ids.contains($0.id) } }
            articles = try Self.sortedByDate(articles, context.query, date: { $0.published }, id: { $0.id })
            return try context.list(articles, template: context.knowledgeBase.articles.first) { context.representation.article($0) }
        }
        resource("/articles/{id}", parameters: ["include", "highlight"]) { context in
            let article = try context.record("article", context.knowledgeBase.article(id:))
            let include = Set(try context.query.list("include", allowed: ["text", "paragraphs", "mentions", "cleaning"]) ?? [])
            var json = context.representation.article(article, include: include)
            // `highlight=<query>`: where a search query matches this article, to mark an opened hit.
            if let text = try context.query.string("highlight") {
                let query = try context.searchQuery(text, parameter: "highlight")
                let marks = article.paragraphs.flatMap { paragraph in
                    query.highlights(in: paragraph.text).map { range -> JSON in
                        .object([
                            ("paragraph", .int(paragraph.index)), ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
                            ("text", .optional(paragraph.excerpt(start: range.lowerBound, end: range.upperBound))),
                        ])
                    }
                }
                if case .object(let members) = json { json = .object(members + [("highlights", .array(marks))]) }
            }
            return Rendered(json: json)
        }
        resource("/articles/{id}/entities", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let article = try context.record("article", context.knowledgeBase.article(id:))
            let ids = Set(context.knowledgeBase.mentions(inArticle: article.id).map(\.entity))
            let entities = context.knowledgeBase.entities.filter { ids.contains($0.id) }
            return try context.list(entities, template: context.knowledgeBase.entities.first) { context.representation.entity($0) }
        }
        resource("/articles/{id}/events", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let article = try context.record("article", context.knowledgeBase.article(id:))
            let events = Self.chronological(context.knowledgeBase.events(citing: article.id), descending: false)
            return try context.list(events, template: context.knowledgeBase.events.first) { context.representation.event($0) }
        }
        resource("/articles/{id}/proposals", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let article = try context.record("article", context.knowledgeBase.article(id:))
            let proposals = context.knowledgeBase.proposals(citing: article.id).sorted { $0.id < $1.id }
            return try context.list(proposals, template: context.knowledgeBase.proposals.first) { context.representation.proposal($0) }
        }
    }
}
