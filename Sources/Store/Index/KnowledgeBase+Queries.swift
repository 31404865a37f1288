/// Relations and filtered listings. Every result keeps the collection's
/// order (see `KnowledgeBase`); unknown ids give empty results.
extension KnowledgeBase {
    /// Mentions of an entity, by article id then text order (paragraph, start). Lazy: reading
    /// one page touches only that page.
    public func mentions(ofEntity id: String) -> LazyMapCollection<[Int], Mention> {
        (mentionsByEntity[id] ?? []).lazy.map { self.mentions[$0] }
    }

    /// Mentions in an article, in text order.
    public func mentions(inArticle id: String) -> ArraySlice<Mention> {
        mentionRanges[id].map { mentions[$0] } ?? []
    }

    /// Articles that mention an entity, by id. Lazy, like `mentions(ofEntity:)`.
    public func articles(mentioning id: String) -> LazyMapCollection<[Int], Article> {
        (articlesByEntity[id] ?? []).lazy.map { self.articles[$0] }
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
