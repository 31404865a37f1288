import Store

/// Turns store records into their JSON representation. Field names are camelCase across
/// every resource; dates are ISO 8601 with their precision; every record carries its
/// sources (article ids) and evidence (quote, paragraph, character offsets).
struct Representation {
    /// How many article ids an entity's detail lists; the rest are paged at links.articles, so the
    /// detail stays the same size however many articles name the entity.
    static let detailArticleLimit = 100
    /// How many quotes an event carries inline (`evidenceCount` has them all; `links.evidence` pages
    /// through every one): an extracted event reported by thousands of articles stays a small record.
    static let inlineEvidenceLimit = 10
    /// How many positions a proposal carries inline (`positionCount` counts them all;
    /// `links.positions` pages through every one): an extracted proposal gathers positions from
    /// every article that reports a stance, so its record would otherwise grow with the corpus.
    static let inlinePositionLimit = 20

    let dataset: Dataset
    /// Absolute URL of the service root as the client sees it ("http://host/prefix").
    let base: String
    /// Records may come pre-serialized from the dataset's ``RecordFragments``: only for a compact
    /// JSON body (pretty JSON indents every level; CSV and GeoJSON read the records' fields).
    var reusesRecords = false

    var knowledgeBase: KnowledgeBase { dataset.knowledgeBase }

    func url(_ path: String) -> String { base + path }

    func date(_ point: DatePoint?) -> JSON { .datePoint(point) }

    func evidence(_ items: [Evidence]) -> JSON {
        .array(items.map(evidenceItem))
    }

    func evidenceItem(_ item: Evidence) -> JSON {
        .object([
            ("article", .string(item.article)), ("quote", .string(item.quote)),
            ("paragraph", .int(item.paragraph)), ("start", .int(item.start)), ("end", .int(item.end)),
            ("provenance", .string(item.provenance.rawValue)),
        ])
    }

    /// `{"id", "name", "type"}` for a reference to an entity.
    func entityReference(_ id: String?) -> JSON {
        guard let id else { return .null }
        guard let entity = knowledgeBase.entity(id: id) else { return .object([("id", .string(id))]) }
        return .object([("id", .string(id)), ("name", .string(entity.name)), ("type", .string(entity.kind.rawValue))])
    }

    func outlets(_ articleIDs: [String]) -> [String] {
        Array(Set(articleIDs.compactMap { knowledgeBase.article(id: $0)?.outlet })).sorted()
    }

    // MARK: articles

    func article(_ article: Article, include: Set<String> = []) -> JSON {
        var members: [(String, JSON)] = [
            ("id", .string(article.id)), ("title", .string(article.title)), ("outlet", .optional(article.outlet)),
            ("published", date(article.published)), ("file", .string(article.file)), ("curated", .bool(article.isCurated)),
            ("paragraphCount", .int(article.paragraphs.count)),
            ("mentionCount", .int(knowledgeBase.mentions(inArticle: article.id).count)),
            ("enrichment", .strings(article.enrichment)),
            ("metadata", articleMetadata(article.metadata)),
        ]
        if include.contains("text") {
            members.append(("text", .string(article.paragraphs.map(\.text).joined(separator: "\n\n"))))
        }
        if include.contains("paragraphs") {
            members.append(("paragraphs", .array(article.paragraphs.map { paragraph in
                .object([("index", .int(paragraph.index)), ("kind", .string(paragraph.kind.rawValue)), ("text", .string(paragraph.text))])
            })))
        }
        if include.contains("mentions") {
            members.append(("mentions", mentions(knowledgeBase.mentions(inArticle: article.id))))
        }
        if include.contains("cleaning") {
            members.append(("cleaning", cleaning(article)))
        }
        members.append(("links", .object([("self", .string(url("/articles/\(article.id)")))])))
        return .object(members)
    }

    /// Where the title, outlet and date came from; for inferred ones, why.
    func articleMetadata(_ metadata: ArticleMetadata) -> JSON {
        .object([
            ("source", .string(metadata.source.rawValue)),
            ("inferred", .object(metadata.inferred.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) })),
            ("notes", .strings(metadata.notes)),
            ("url", .optional(metadata.url)),
            ("dateline", .optional(metadata.datelinePlace)),
        ])
    }

    func cleaning(_ article: Article) -> JSON {
        let report = article.cleaning
        return .object([
            ("byteCount", .int(report.byteCount)), ("byteOrderMarkRemoved", .bool(report.byteOrderMarkRemoved)),
            ("controlCharactersRemoved", .int(report.controlCharactersRemoved)),
            ("lineEnding", .string(report.lineEnding.rawValue)), ("paragraphBreak", .string(report.paragraphBreak.rawValue)),
            ("stripped", .array(article.stripped.map { .object([("kind", .string($0.kind.rawValue)), ("line", .int($0.line)), ("text", .string($0.text))]) })),
            ("collapsedRepeats", .array(report.collapsedRepeats.map {
                .object([("line", .int($0.line)), ("repeatOf", .int($0.repeatOf)), ("truncated", .bool($0.truncated))])
            })),
        ])
    }

    func mentions(_ items: ArraySlice<Mention>) -> JSON {
        .array(items.map(mention))
    }

    func mention(_ mention: Mention) -> JSON {
        .object([
            ("entity", .string(mention.entity)), ("article", .string(mention.article)),
            ("paragraph", .int(mention.paragraph)), ("start", .int(mention.start)), ("end", .int(mention.end)),
            ("text", .string(mention.text)),
        ])
    }

    // MARK: entities

    func entity(_ entity: Entity, detailed: Bool = false) -> JSON {
        guard reusesRecords, !detailed else { return entityTree(entity, detailed: detailed) }
        return dataset.fragments.json(base: base, key: "entity:" + entity.id) { entityTree(entity, detailed: false) }
    }

    private func entityTree(_ entity: Entity, detailed: Bool) -> JSON {
        let stats = knowledgeBase.stats(forEntity: entity.id)
        var members: [(String, JSON)] = [
            ("id", .string(entity.id)), ("type", .string(entity.kind.rawValue)), ("name", .string(entity.name)),
            ("aliases", .array(entity.aliases.map { .object([("text", .string($0.text)), ("kind", .string($0.kind.rawValue))]) })),
            ("description", .optional(entity.description)), ("wikidata", .optional(entity.wikidata)),
            ("coordinates", entity.coordinates.map { .object([("lat", .double($0.latitude)), ("lon", .double($0.longitude))]) } ?? .null),
            ("country", entityReference(entity.country)),
            ("affiliation", entityReference(entity.affiliation)),
            ("mentionCount", .int(stats?.mentionCount ?? 0)), ("articleCount", .int(stats?.articleCount ?? 0)),
            ("firstSeen", date(stats?.firstSeen)), ("lastSeen", date(stats?.lastSeen)),
            ("enrichment", .strings(entity.enrichment)),
            ("origin", .string(entity.origin.rawValue)),
        ]
        if detailed {
            let top = (stats?.coOccurrences ?? []).prefix(10)
            members.append(("coOccurrences", .array(top.map { item in
                .object([("entity", entityReference(item.entity)), ("articleCount", .int(item.articleCount))])
            })))
            members.append(("articles", .strings(knowledgeBase.articles(mentioning: entity.id).prefix(Self.detailArticleLimit).map(\.id))))
        }
        members.append(("links", .object([
            ("self", .string(url("/entities/\(entity.id)"))),
            ("articles", .string(url("/entities/\(entity.id)/articles"))),
            ("events", .string(url("/entities/\(entity.id)/events"))),
            ("proposals", .string(url("/entities/\(entity.id)/proposals"))),
            ("mentions", .string(url("/entities/\(entity.id)/mentions"))),
        ])))
        return .object(members)
    }

    // MARK: events

    func event(_ event: Event) -> JSON {
        guard reusesRecords else { return eventTree(event) }
        return dataset.fragments.json(base: base, key: "event:" + event.id) { eventTree(event) }
    }

    private func eventTree(_ event: Event) -> JSON {
        .object([
            ("id", .string(event.id)), ("title", .string(event.title)), ("kind", .string(event.kind.rawValue)),
            ("status", .string(event.status.rawValue)), ("start", date(event.start)), ("end", date(event.end)),
            ("location", entityReference(event.location)),
            ("participants", .array(event.participants.map { participant in
                .object([("entity", entityReference(participant.entity)), ("role", .string(participant.role.rawValue))])
            })),
            ("summary", .string(event.summary)), ("proposals", .strings(event.proposals)),
            ("sources", .strings(event.articles)), ("outlets", .strings(event.outlets)),
            ("articleCount", .int(event.articles.count)), ("outletCount", .int(event.outlets.count)),
            ("evidence", evidence(Array(event.evidence.prefix(Self.inlineEvidenceLimit)))), ("evidenceCount", .int(event.evidence.count)),
            ("enrichment", .strings(event.enrichment)),
        ] + extraction(event.provenance, event.confidence, event.rule) + [
            ("notes", .strings(event.notes)),
            ("statusAsOf", statusAsOf(event.statusAsOf)), ("overdue", .bool(event.overdue)),
            ("links", .object([("self", .string(url("/events/\(event.id)"))), ("evidence", .string(url("/events/\(event.id)/evidence")))])),
        ])
    }

    // MARK: proposals

    func proposal(_ proposal: Proposal) -> JSON {
        guard reusesRecords else { return proposalTree(proposal) }
        return dataset.fragments.json(base: base, key: "proposal:" + proposal.id) { proposalTree(proposal) }
    }

    private func proposalTree(_ proposal: Proposal) -> JSON {
        .object([
            ("id", .string(proposal.id)), ("title", .string(proposal.title)), ("kind", .string(proposal.kind.rawValue)),
            ("status", .string(proposal.status.rawValue)), ("summary", .string(proposal.summary)),
            ("proposers", .array(proposal.proposers.map { entityReference($0) })),
            ("guarantors", .array(proposal.guarantors.map { entityReference($0) })),
            ("beneficiary", entityReference(proposal.beneficiary)),
            ("conditions", .array(proposal.conditions.map { .object([("text", .string($0.text)), ("evidence", evidence($0.evidence))]) })),
            ("positions", .array(proposal.positions.prefix(Self.inlinePositionLimit).map(position))),
            ("positionCount", .int(proposal.positions.count)),
            ("firstReported", date(proposal.firstReported)),
            ("sources", .strings(proposal.articles)), ("outlets", .strings(outlets(proposal.articles))),
            ("evidence", evidence(proposal.evidence)), ("enrichment", .strings(proposal.enrichment)),
        ] + extraction(proposal.provenance, proposal.confidence, proposal.rule) + [
            ("statusAsOf", statusAsOf(proposal.statusAsOf)),
            ("links", .object([
                ("self", .string(url("/proposals/\(proposal.id)"))), ("positions", .string(url("/proposals/\(proposal.id)/positions"))),
            ])),
        ])
    }

    /// One actor's stated stance on a proposal, with its quotes.
    func position(_ position: Position) -> JSON {
        .object([
            ("entity", entityReference(position.entity)), ("stance", .string(position.stance.rawValue)),
            ("date", date(position.date)), ("evidence", evidence(position.evidence)),
        ] + extraction(position.provenance, position.confidence, position.rule))
    }

    /// `provenance`, `confidence` and `rule`, as every extractable record carries them.
    func extraction(_ provenance: Provenance, _ confidence: Double?, _ rule: String?) -> [(String, JSON)] {
        [("provenance", .string(provenance.rawValue)), ("confidence", confidence.map { JSON.double($0) } ?? .null), ("rule", .optional(rule))]
    }

    /// When a status was last stated, and by which article.
    func statusAsOf(_ value: StatusAsOf?) -> JSON {
        guard let value else { return .null }
        return .object([("date", date(value.date)), ("article", .string(value.article))])
    }
}
