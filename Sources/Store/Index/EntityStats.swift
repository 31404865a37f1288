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
        // Entities by number from here on: the pair counts below hash two integers instead of
        // two ids per pair (they were a quarter of all hashing in a load).
        var numbers: [String: Int] = [:]
        var ids: [String] = []
        func number(_ id: String) -> Int {
            if let known = numbers[id] { return known }
            numbers[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        var mentionCounts: [Int] = []
        var entitiesByArticle: [String: [Int]] = [:]
        var seenInArticle: Set<Int> = []
        // The entities of the run of mentions of one article, stored once the run ends; the
        // fields are read in place (a mention copied out is four retains).
        var present: [Int] = []
        mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices {
                let entity = number(mentions[index].entity)
                if entity == mentionCounts.count { mentionCounts.append(0) }
                mentionCounts[entity] += 1
                if seenInArticle.insert(entity).inserted { present.append(entity) }
                if index + 1 == mentions.count || mentions[index + 1].article != mentions[index].article {
                    entitiesByArticle[mentions[index].article, default: []].append(contentsOf: present)
                    present.removeAll(keepingCapacity: true)
                    seenInArticle.removeAll(keepingCapacity: true)
                }
            }
        }
        var articleCounts = [Int](repeating: 0, count: ids.count)
        var first = [DatePoint?](repeating: nil, count: ids.count)
        var last = [DatePoint?](repeating: nil, count: ids.count)
        var pairs = [[Int: Int]](repeating: [:], count: ids.count)
        for article in articles {
            let present = (entitiesByArticle[article.id] ?? []).sorted { ids[$0] < ids[$1] }
            for (offset, entity) in present.enumerated() {
                articleCounts[entity] += 1
                if let published = article.published {
                    if first[entity].map({ published < $0 }) ?? true { first[entity] = published }
                    if last[entity].map({ published > $0 }) ?? true { last[entity] = published }
                }
                for other in present[(offset + 1)...] {
                    pairs[entity][other, default: 0] += 1
                    pairs[other][entity, default: 0] += 1
                }
            }
        }
        var result: [String: EntityStats] = [:]
        for entity in entities {
            let number = numbers[entity.id]
            let together = (number.map { pairs[$0] } ?? [:])
                .map { CoOccurrence(entity: ids[$0.key], articleCount: $0.value) }
                .sorted { $0.articleCount != $1.articleCount ? $0.articleCount > $1.articleCount : $0.entity < $1.entity }
            result[entity.id] = EntityStats(
                entity: entity.id, mentionCount: number.map { mentionCounts[$0] } ?? 0,
                articleCount: number.map { articleCounts[$0] } ?? 0,
                firstSeen: number.flatMap { first[$0] }, lastSeen: number.flatMap { last[$0] }, coOccurrences: together
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
