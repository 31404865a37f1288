/// Derived figures for one entity, computed once when the knowledge base is built.
///
/// `firstSeen`/`lastSeen` are the earliest and latest `published` dates of
/// the articles that mention the entity; undated articles are left out.
/// `coOccurrences` lists the other entities mentioned in the same articles
/// with the number of shared articles, most shared first, then by id.
public struct EntityStats: Sendable, Hashable {
    /// Another entity and the number of articles that mention both.
    public struct CoOccurrence: Sendable, Hashable {
        public let entity: String
        public let articleCount: Int
    }

    public let entity: String
    public let mentionCount: Int
    public let articleCount: Int
    public let firstSeen: DatePoint?
    public let lastSeen: DatePoint?
    public let coOccurrences: [CoOccurrence]

    /// Stats for every entity. `mentions` must be grouped by article.
    /// Co-occurrence costs the sum over articles of (distinct entities)²,
    /// linear in the number of articles.
    static func compute(entities: [Entity], articles: [Article], mentions: [Mention]) -> [String: EntityStats] {
        var mentionCounts: [String: Int] = [:]
        var entitiesByArticle: [String: [String]] = [:]
        var seenInArticle: Set<String> = []
        var currentArticle: String?
        for mention in mentions {
            mentionCounts[mention.entity, default: 0] += 1
            if mention.article != currentArticle {
                currentArticle = mention.article
                seenInArticle.removeAll(keepingCapacity: true)
            }
            if seenInArticle.insert(mention.entity).inserted {
                entitiesByArticle[mention.article, default: []].append(mention.entity)
            }
        }
        var articleCounts: [String: Int] = [:]
        var first: [String: DatePoint] = [:]
        var last: [String: DatePoint] = [:]
        var pairs: [String: [String: Int]] = [:]
        for article in articles {
            let present = (entitiesByArticle[article.id] ?? []).sorted()
            for (offset, entity) in present.enumerated() {
                articleCounts[entity, default: 0] += 1
                if let published = article.published {
                    if first[entity].map({ published < $0 }) ?? true { first[entity] = published }
                    if last[entity].map({ published > $0 }) ?? true { last[entity] = published }
                }
                for other in present[(offset + 1)...] {
                    pairs[entity, default: [:]][other, default: 0] += 1
                    pairs[other, default: [:]][entity, default: 0] += 1
                }
            }
        }
        var result: [String: EntityStats] = [:]
        for entity in entities {
            let together = (pairs[entity.id] ?? [:])
                .map { CoOccurrence(entity: $0.key, articleCount: $0.value) }
                .sorted { $0.articleCount != $1.articleCount ? $0.articleCount > $1.articleCount : $0.entity < $1.entity }
            result[entity.id] = EntityStats(
                entity: entity.id, mentionCount: mentionCounts[entity.id] ?? 0, articleCount: articleCounts[entity.id] ?? 0,
                firstSeen: first[entity.id], lastSeen: last[entity.id], coOccurrences: together
            )
        }
        return result
    }
}

extension KnowledgeBase {
    /// Derived statistics for an entity id, or nil for an unknown id.
    public func stats(forEntity id: String) -> EntityStats? {
        statistics[id]
    }
}
