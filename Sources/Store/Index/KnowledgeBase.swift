/// The immutable, indexed, in-memory knowledge base the API serves.
///
/// Built once by `SeedLoader` and never mutated, so it is shared freely
/// across threads (`Sendable`, reference type: passing it around copies
/// nothing). Collections keep a fixed order: `articles` by file name,
/// `entities` and `proposals` as in the catalog files, `events` by start
/// date then id (undated events last, by id). Every lookup by id is O(1);
/// per-entity relations and statistics are precomputed at build.
public final class KnowledgeBase: Sendable {
    public let articles: [Article]
    public let entities: [Entity]
    public var events: [Event] { records.events }
    public var proposals: [Proposal] { records.proposals }
    /// Every mention, grouped by article (in `articles` order), then in text order.
    public let mentions: [Mention]

    let articlePositions: [String: Int]
    let entityPositions: [String: Int]
    var eventPositions: [String: Int] { records.eventPositions }
    var proposalPositions: [String: Int] { records.proposalPositions }
    /// Per article id: the range of its mentions in `mentions`.
    let mentionRanges: [String: Range<Int>]
    /// Per entity id: positions in `mentions`, `articles`, `events`, `proposals`.
    let mentionsByEntity: [String: [Int]]
    let articlesByEntity: [String: [Int]]
    var eventsByEntity: [String: [Int]] { records.eventsByEntity }
    var proposalsByEntity: [String: [Int]] { records.proposalsByEntity }
    /// Per article id: positions in `events` and `proposals` citing it.
    var eventsByArticle: [String: [Int]] { records.eventsByArticle }
    var proposalsByArticle: [String: [Int]] { records.proposalsByArticle }
    let names: NameIndex
    let statistics: [String: EntityStats]
    /// Positions in `entities` by id, and the same restricted to entities the articles mention:
    /// `/entities` pages through these instead of filtering and sorting every entity per request.
    public let entitiesByID: [Int]
    public let mentionedEntitiesByID: [Int]
    /// Positions in `events` newest first (the `sort=-date` order), and each position's rank
    /// in it: a filtered `-date` list is ordered without sorting events.
    var eventsNewestFirst: [Int] { records.eventsNewestFirst }
    var newestFirstRank: [Int] { records.newestFirstRank }
    /// Per entity id: the entities whose `country` or `affiliation` it is (see `scope(of:)`).
    let members: [String: [String]]
    /// Everything the events and proposals give, apart from the rest so that the index after
    /// extraction can keep the rest (``init(reusing:events:proposals:)``).
    let records: RecordIndexes

    init(articles: [Article], entities: [Entity], events: [Event], proposals: [Proposal], mentions: [Mention]) {
        let articlePositions = KnowledgeBase.positions(articles.map(\.id))
        // Each mention's article position, looked up once (the sort compared through two
        // dictionary lookups per comparison), and no sort at all when the mentions already come
        // in article order, as the loader gives them.
        let articleOf = mentions.map { articlePositions[$0.article] ?? Int.max }
        let sortedMentions: [Mention], sortedArticle: [Int]
        if zip(articleOf, articleOf.dropFirst()).allSatisfy({ $0 <= $1 }) {
            // Kept as given: a copy of every mention was a retain per string, serially.
            (sortedMentions, sortedArticle) = (mentions, articleOf)
        } else {
            let order = mentions.indices.sorted { articleOf[$0] != articleOf[$1] ? articleOf[$0] < articleOf[$1] : $0 < $1 }
            (sortedMentions, sortedArticle) = (order.map { mentions[$0] }, order.map { articleOf[$0] })
        }
        // The statistics read only the mentions and articles: computed beside the rest of the index.
        let statistics = Concurrently.start(articles: articles.count) { EntityStats.compute(entities: entities, articles: articles, mentions: sortedMentions) }
        let idRank = KnowledgeBase.idRanks(articles)
        self.articles = articles
        self.entities = entities
        self.mentions = sortedMentions
        self.articlePositions = articlePositions
        entityPositions = KnowledgeBase.positions(entities.map(\.id))
        members = KnowledgeBase.members(entities)

        // Each article's mentions are one run (they are grouped by article): its range is set
        // once per run, and each mention's entity is looked up once for both lists.
        var ranges: [String: Range<Int>] = [:]
        var byEntity: [String: (mentions: [Int], articles: [Int])] = [:]
        sortedMentions.withUnsafeBufferPointer { mentions in
            var runStart = 0
            for position in mentions.indices {
                if position + 1 == mentions.count || mentions[position + 1].article != mentions[position].article {
                    let lower = ranges[mentions[position].article]?.lowerBound ?? runStart
                    ranges[mentions[position].article] = lower..<(position + 1)
                    runStart = position + 1
                }
                Self.add(position, article: sortedArticle[position], to: &byEntity[mentions[position].entity, default: ([], [])])
            }
        }
        mentionRanges = ranges
        // The served orders, fixed once here so a page of either costs the page: mentions by
        // article id then text order, articles by id; entity by entity on every core. The sort
        // reads the fields it compares in place (a mention copied out is four retains).
        let entityIDs = Array(byEntity.keys)
        let orders = Concurrently.map(entityIDs, articles: articles.count) { [byEntity] id -> (mentions: [Int], articles: [Int]) in
            guard let lists = byEntity[id] else { return ([], []) }
            let mentions = sortedMentions.withUnsafeBufferPointer { mentions in
                lists.mentions.sorted { lhs, rhs in
                    // Article ids compared by rank, not as strings; a mention of an unknown article by its id.
                    let leftArticle = sortedArticle[lhs], rightArticle = sortedArticle[rhs]
                    guard leftArticle != Int.max, rightArticle != Int.max else {
                        return (mentions[lhs].article, mentions[lhs].paragraph, mentions[lhs].start)
                            < (mentions[rhs].article, mentions[rhs].paragraph, mentions[rhs].start)
                    }
                    return (idRank[leftArticle], mentions[lhs].paragraph, mentions[lhs].start)
                        < (idRank[rightArticle], mentions[rhs].paragraph, mentions[rhs].start)
                }
            }
            return (mentions, lists.articles.sorted { idRank[$0] < idRank[$1] })
        }
        var mentionsByEntity = [String: [Int]](minimumCapacity: entityIDs.count)
        var articlesByEntity = [String: [Int]](minimumCapacity: entityIDs.count)
        for (id, order) in zip(entityIDs, orders) {
            mentionsByEntity[id] = order.mentions
            articlesByEntity[id] = order.articles
        }
        self.mentionsByEntity = mentionsByEntity
        self.articlesByEntity = articlesByEntity
        names = NameIndex(entities: entities)
        entitiesByID = entities.indices.sorted { entities[$0].id < entities[$1].id }
        let computed = statistics.wait()
        self.statistics = computed
        mentionedEntitiesByID = entitiesByID.filter { (computed[entities[$0].id]?.mentionCount ?? 0) > 0 }

        records = RecordIndexes(events: events, proposals: proposals, articles: articles.count)
    }

    /// `base` with other events and proposals: what the articles, entities and mentions give
    /// (the larger part of an index: sorted mentions, names, statistics) is shared, not rebuilt.
    /// The load indexes once before extraction and once after it, which changes only these two.
    init(reusing base: KnowledgeBase, events: [Event], proposals: [Proposal]) {
        articles = base.articles
        entities = base.entities
        mentions = base.mentions
        articlePositions = base.articlePositions
        entityPositions = base.entityPositions
        members = base.members
        mentionRanges = base.mentionRanges
        mentionsByEntity = base.mentionsByEntity
        articlesByEntity = base.articlesByEntity
        names = base.names
        statistics = base.statistics
        entitiesByID = base.entitiesByID
        mentionedEntitiesByID = base.mentionedEntitiesByID

        records = RecordIndexes(events: events, proposals: proposals, articles: base.articles.count)
    }

    /// `base` copied by `compactor` into new allocations (see ``Compactor``): every record, its
    /// strings and every lookup; the events' and proposals' part is `records()`, asked for last
    /// (another thread may be copying it meanwhile).
    init(compacting base: KnowledgeBase, by compactor: Compactor, records: () -> RecordIndexes) {
        articles = compactor.array(base.articles) { $0.compacted(by: compactor) }
        entities = compactor.array(base.entities) { $0.compacted(by: compactor) }
        mentions = compactor.array(base.mentions) { $0.compacted(by: compactor) }
        articlePositions = compactor.dictionary(base.articlePositions) { $0 }
        entityPositions = compactor.dictionary(base.entityPositions) { $0 }
        members = compactor.dictionary(base.members) { compactor.strings($0) }
        mentionRanges = compactor.dictionary(base.mentionRanges) { $0 }
        mentionsByEntity = compactor.dictionary(base.mentionsByEntity) { compactor.values($0) }
        articlesByEntity = compactor.dictionary(base.articlesByEntity) { compactor.values($0) }
        names = base.names.compacted(by: compactor)
        statistics = compactor.dictionary(base.statistics) { $0.compacted(by: compactor) }
        entitiesByID = compactor.values(base.entitiesByID)
        mentionedEntitiesByID = compactor.values(base.mentionedEntitiesByID)
        self.records = records()
    }

    /// What the events and proposals give: their order, positions and the lookups by entity and article.
    struct RecordIndexes: Sendable {
        let events: [Event]
        let proposals: [Proposal]
        let eventPositions: [String: Int]
        let proposalPositions: [String: Int]
        let eventsByEntity: [String: [Int]]
        let proposalsByEntity: [String: [Int]]
        let eventsNewestFirst: [Int]
        let newestFirstRank: [Int]
        let eventsByArticle: [String: [Int]]
        let proposalsByArticle: [String: [Int]]

        /// `articles`: the load's size, which decides whether the lookups are built on the pool.
        init(events unsorted: [Event], proposals: [Proposal], articles: Int) {
            // Positions sorted, then the events moved once (a sort of the events themselves moved
            // whole records at every step).
            let order = KnowledgeBase.byDate(Array(unsorted.indices), descending: false,
                                             date: { unsorted[$0].start }, id: { unsorted[$0].id })
            let events = order.map { unsorted[$0] }
            self.events = events
            self.proposals = proposals
            // The two largest lookups read only the events: built on the pool beside the rest.
            let byEntity = Concurrently.start(articles: articles) {
                KnowledgeBase.group(events) { event in event.participants.map(\.entity) + (event.location.map { [$0] } ?? []) }
            }
            let byArticle = Concurrently.start(articles: articles) { KnowledgeBase.group(events) { $0.articles } }
            eventPositions = KnowledgeBase.positions(events.map(\.id))
            proposalPositions = KnowledgeBase.positions(proposals.map(\.id))
            proposalsByEntity = KnowledgeBase.group(proposals) { proposal in
                proposal.proposers + proposal.guarantors + (proposal.beneficiary.map { [$0] } ?? []) + proposal.positions.map(\.entity)
            }
            let newestFirst = KnowledgeBase.byDate(Array(events.indices), descending: true,
                                                   date: { events[$0].start }, id: { events[$0].id })
            eventsNewestFirst = newestFirst
            var rank = [Int](repeating: 0, count: newestFirst.count)
            for (order, position) in newestFirst.enumerated() { rank[position] = order }
            newestFirstRank = rank
            proposalsByArticle = KnowledgeBase.group(proposals) { $0.articles }
            eventsByEntity = byEntity.wait()
            eventsByArticle = byArticle.wait()
        }

        /// `base` copied by `compactor` (``KnowledgeBase/compactedRecords(by:)``).
        init(copying base: RecordIndexes, by compactor: Compactor) {
            events = compactor.array(base.events) { $0.compacted(by: compactor) }
            proposals = compactor.array(base.proposals) { $0.compacted(by: compactor) }
            eventPositions = compactor.dictionary(base.eventPositions) { $0 }
            proposalPositions = compactor.dictionary(base.proposalPositions) { $0 }
            eventsByEntity = compactor.dictionary(base.eventsByEntity) { compactor.values($0) }
            proposalsByEntity = compactor.dictionary(base.proposalsByEntity) { compactor.values($0) }
            eventsNewestFirst = compactor.values(base.eventsNewestFirst)
            newestFirstRank = compactor.values(base.newestFirstRank)
            eventsByArticle = compactor.dictionary(base.eventsByArticle) { compactor.values($0) }
            proposalsByArticle = compactor.dictionary(base.proposalsByArticle) { compactor.values($0) }
        }
    }

    public func article(id: String) -> Article? {
        articlePositions[id].map { articles[$0] }
    }

    public func entity(id: String) -> Entity? {
        entityPositions[id].map { entities[$0] }
    }

    public func event(id: String) -> Event? {
        eventPositions[id].map { events[$0] }
    }

    public func proposal(id: String) -> Proposal? {
        proposalPositions[id].map { proposals[$0] }
    }

    /// Each article's rank in id order (equal ids, equal ranks): comparing ranks orders articles
    /// as comparing their ids does, without a string comparison each time.
    static func idRanks(_ articles: [Article]) -> [Int] {
        let byID = articles.indices.sorted { articles[$0].id < articles[$1].id }
        var ranks = [Int](repeating: 0, count: articles.count)
        for (rank, index) in byID.enumerated() {
            ranks[index] = rank > 0 && articles[byID[rank - 1]].id == articles[index].id ? ranks[byID[rank - 1]] : rank
        }
        return ranks
    }

    /// A mention's position, and its article's unless the list ends with it already (mentions
    /// come grouped by article) or the article is unknown (`Int.max`).
    private static func add(_ position: Int, article: Int, to lists: inout (mentions: [Int], articles: [Int])) {
        lists.mentions.append(position)
        if article != Int.max, lists.articles.last != article { lists.articles.append(article) }
    }

    /// Chronological by start date, then id; undated events last by id.
    static func positions(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (position, id) in ids.enumerated() where result[id] == nil { result[id] = position }
        return result
    }

    /// Positions of `items` under each key they list, each position once per key, in order.
    static func group<Item, Key: Hashable>(_ items: [Item], keys: (Item) -> [Key]) -> [Key: [Int]] {
        var result: [Key: [Int]] = [:]
        for (position, item) in items.enumerated() {
            for key in Set(keys(item)) { result[key, default: []].append(position) }
        }
        return result
    }
}
