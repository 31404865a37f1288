/// Relations and filtered listings. Every result keeps the collection's
/// order (see `KnowledgeBase`); unknown ids give empty results.
extension KnowledgeBase {
    /// Mentions of an entity, by article order then text order.
    public func mentions(ofEntity id: String) -> [Mention] {
        (mentionsByEntity[id] ?? []).map { mentions[$0] }
    }

    /// Mentions in an article, in text order.
    public func mentions(inArticle id: String) -> [Mention] {
        mentionRanges[id].map { Array(mentions[$0]) } ?? []
    }

    /// Articles that mention an entity.
    public func articles(mentioning id: String) -> [Article] {
        (articlesByEntity[id] ?? []).map { articles[$0] }
    }

    /// Events where the entity is a participant or the location.
    public func events(involving id: String) -> [Event] {
        (eventsByEntity[id] ?? []).map { events[$0] }
    }

    /// Proposals where the entity is a proposer, guarantor, beneficiary or holds a position.
    public func proposals(involving id: String) -> [Proposal] {
        (proposalsByEntity[id] ?? []).map { proposals[$0] }
    }

    /// Events whose evidence cites the article.
    public func events(citing articleID: String) -> [Event] {
        (eventsByArticle[articleID] ?? []).map { events[$0] }
    }

    /// Proposals citing the article anywhere (evidence, conditions, positions).
    public func proposals(citing articleID: String) -> [Proposal] {
        (proposalsByArticle[articleID] ?? []).map { proposals[$0] }
    }

    /// Events matching every given filter. `from`/`to` (inclusive) keep
    /// events whose period overlaps the range: from `start` to `end` (or to
    /// `start`), each widened to the end of its week, month or year for
    /// coarse precision. Undated events never match a date filter.
    public func events(
        status: Event.Status? = nil, kind: Event.Kind? = nil,
        from: CalendarDate? = nil, to: CalendarDate? = nil, involving entity: String? = nil
    ) -> [Event] {
        var candidates: [Int]? = nil
        func narrow(_ list: [Int]) {
            if let current = candidates {
                let keep = Set(list)
                candidates = current.filter { keep.contains($0) }
            } else {
                candidates = list
            }
        }
        if let status { narrow(eventsByStatus[status] ?? []) }
        if let kind { narrow(eventsByKind[kind] ?? []) }
        if let entity { narrow(eventsByEntity[entity] ?? []) }
        var result = (candidates ?? Array(events.indices)).map { events[$0] }
        if from != nil || to != nil {
            let lower = from?.dayNumber ?? Int.min
            let upper = to?.dayNumber ?? Int.max
            result = result.filter { event in
                guard let start = event.start else { return false }
                let last = (event.end ?? start).lastDayNumber
                return start.date.dayNumber <= upper && last >= lower
            }
        }
        return result
    }

    /// Proposals matching every given filter, in catalog order.
    public func proposals(status: Proposal.Status? = nil, kind: Proposal.Kind? = nil, involving entity: String? = nil) -> [Proposal] {
        let involved = entity.map { Set(proposalsByEntity[$0] ?? []) }
        return proposals.indices.filter { position in
            (status == nil || proposals[position].status == status)
                && (kind == nil || proposals[position].kind == kind)
                && (involved?.contains(position) ?? true)
        }.map { proposals[$0] }
    }
}

extension DatePoint {
    /// Day number of the last day of the period the point stands for.
    var lastDayNumber: Int {
        switch precision {
        case .day:
            return date.dayNumber
        case .week:
            return date.dayNumber + 6
        case .month:
            return date.dayNumber + CalendarDate.daysIn(month: date.month, year: date.year) - 1
        case .year:
            return (CalendarDate(year: date.year, month: 12, day: 31)?.dayNumber ?? date.dayNumber)
        }
    }
}
