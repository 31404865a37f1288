/// Derived figures for one entity, computed once when the knowledge base is built.
///
/// `firstSeen`/`lastSeen` are the earliest and latest `published` dates of
/// the articles that mention the entity; undated articles are left out.
/// `coOccurrences` lists the other entities mentioned in the same articles
/// with the number of shared articles, most shared first, then by id: the first
/// ``keptCoOccurrences`` of them, which is what is served.
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

    /// How many co-occurring entities are kept per entity (the entity's page serves ten).
    static let keptCoOccurrences = 10

    /// How many of an article's entities count for co-occurrence: its most mentioned. A news
    /// article names far fewer; a list of 8,000 names would cost 64 million pairs (minutes and
    /// gigabytes for one dropped-in file).
    static let pairedPerArticle = 128

    /// Stats for every entity. `mentions` must be grouped by article.
    /// Co-occurrence costs the sum over articles of (distinct entities, at most
    /// ``pairedPerArticle``)², linear in the number of articles.
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
        var pairedByArticle: [String: [Int]] = [:]
        /// Mentions of each entity (by number) in the current article; zero again once it ends.
        var seenInArticle: [Int] = []
        // The entities of the run of mentions of one article, stored once the run ends; the
        // fields are read in place (a mention copied out is four retains).
        var present: [Int] = []
        mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices {
                let entity = number(mentions[index].entity)
                if entity == mentionCounts.count {
                    mentionCounts.append(0)
                    seenInArticle.append(0)
                }
                mentionCounts[entity] += 1
                if seenInArticle[entity] == 0 { present.append(entity) }
                seenInArticle[entity] += 1
                if index + 1 == mentions.count || mentions[index + 1].article != mentions[index].article {
                    let article = mentions[index].article
                    entitiesByArticle[article, default: []].append(contentsOf: present)
                    if present.count > pairedPerArticle {
                        let ranked = present.sorted { seenInArticle[$0] != seenInArticle[$1]
                            ? seenInArticle[$0] > seenInArticle[$1] : ids[$0] < ids[$1] }
                        pairedByArticle[article, default: []].append(contentsOf: ranked.prefix(pairedPerArticle))
                    }
                    for entity in present { seenInArticle[entity] = 0 }
                    present.removeAll(keepingCapacity: true)
                }
            }
        }
        var articleCounts = [Int](repeating: 0, count: ids.count)
        var first = [DatePoint?](repeating: nil, count: ids.count)
        var last = [DatePoint?](repeating: nil, count: ids.count)
        var pairs = [[Int: Int]](repeating: [:], count: ids.count)
        for article in articles {
            let present = entitiesByArticle[article.id] ?? []
            for entity in present {
                articleCounts[entity] += 1
                if let published = article.published {
                    if first[entity].map({ published < $0 }) ?? true { first[entity] = published }
                    if last[entity].map({ published > $0 }) ?? true { last[entity] = published }
                }
            }
            let paired = pairedByArticle[article.id] ?? present
            for (offset, entity) in paired.enumerated() {
                for other in paired[(offset + 1)...] {
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
                .prefix(keptCoOccurrences)
            result[entity.id] = EntityStats(
                entity: entity.id, mentionCount: number.map { mentionCounts[$0] } ?? 0,
                articleCount: number.map { articleCounts[$0] } ?? 0,
                firstSeen: number.flatMap { first[$0] }, lastSeen: number.flatMap { last[$0] }, coOccurrences: Array(together)
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
