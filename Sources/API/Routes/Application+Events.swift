import HTTP
import Store

extension Application {
    static let eventFilters = [
        "status", "kind", "participant", "location", "entity", "match", "from", "to", "undated", "q", "sort", "provenance", "overdue",
    ]

    /// `/events` (JSON, CSV, GeoJSON, iCalendar), `/events.ics`, `/events/{id}`.
    func registerEventRoutes() {
        resource("/events", parameters: QueryParameters.paging + Self.eventFilters, formats: [.json, .csv, .geojson, .ics]) { context in
            let (events, meta) = try Self.filteredEvents(context)
            var rendered = try context.list(events, template: context.knowledgeBase.events.first, meta: meta) { context.representation.event($0) }
            let page = try Page(context.query)
            // The page's events are copied only when GeoJSON or iCalendar is what was asked for.
            // Every format of this URL is the same page (the whole feed is /events.ics).
            rendered.encodings[.geojson] = {
                GeoJSONEncoder.encode(Array(page.slice(events)), representation: context.representation).serialized(pretty: context.query.pretty)
            }
            rendered.encodings[.ics] = { ICalendarEncoder.encode(Array(page.slice(events)), representation: context.representation) }
            return rendered
        }
        resource("/events.ics", parameters: Self.eventFilters, formats: [.ics]) { context in
            let events = try Self.filteredEvents(context).events
            var rendered = Rendered(json: .null)
            rendered.encodings[.ics] = { ICalendarEncoder.encode(Array(events), representation: context.representation) }
            return rendered
        }
        resource("/events/{id}/evidence", parameters: QueryParameters.paging, formats: [.json, .csv]) { context in
            let event = try context.record("event", context.knowledgeBase.event(id:))
            return try context.list(event.evidence, template: context.knowledgeBase.events.first?.evidence.first) {
                context.representation.evidenceItem($0)
            }
        }
        resource("/events/{id}", parameters: [], formats: [.json, .geojson, .ics]) { context in
            let event = try context.record("event", context.knowledgeBase.event(id:))
            var rendered = Rendered(json: context.representation.event(event))
            rendered.encodings[.geojson] = { GeoJSONEncoder.encode([event], representation: context.representation).serialized() }
            rendered.encodings[.ics] = { ICalendarEncoder.encode([event], representation: context.representation) }
            return rendered
        }
    }

    /// Reads every event filter into the store's ``EventFilter``; the order is by date
    /// (`sort=date` default, `-date`), undated last, ties by id. Returns the events and how each
    /// entity filter was expanded (`meta.expanded`).
    static func filteredEvents(_ context: RouteContext) throws -> (events: EventSelection, meta: [(String, JSON)]) {
        let query = context.query
        var filter = EventFilter()
        let exact = try context.exactMatch()
        filter.statuses = try query.enumList("status", Event.Status.self).map(Set.init)
        filter.kinds = try query.enumList("kind", Event.Kind.self).map(Set.init)
        filter.provenances = try query.enumList("provenance", Provenance.self).map(Set.init)
        if let flags = try query.enumList("overdue", Flag.self), flags.count == 1 { filter.overdue = flags[0] == .yes }
        let participant = try context.entityScope("participant", exact: exact)
        let location = try context.entityScope("location", exact: exact)
        let entity = try context.entityScope("entity", exact: exact)
        filter.participants = participant.map { Set($0.ids) }
        filter.locations = location.map { Set($0.ids) }
        filter.involving = entity.map { Set($0.ids) }
        filter.from = try query.date("from", end: false)
        filter.to = try query.date("to", end: true)
        if let from = filter.from, let to = filter.to, from > to {
            throw APIError.invalidParameter("to", value: query["to"] ?? "", reason: "must not be before 'from'.")
        }
        if let undated = try query.enumList("undated", EventFilter.Undated.self) {
            guard undated.count == 1 else {
                throw APIError.invalidParameter("undated", value: query["undated"] ?? "", reason: "one of: include, exclude.")
            }
            filter.undated = undated[0]
        }
        filter.ids = try context.matching(kind: "event")
        let sort = try query.string("sort") ?? "date"
        guard sort == "date" || sort == "-date" else {
            throw APIError.invalidParameter("sort", value: sort, reason: "allowed values: date, -date.")
        }
        let events = context.knowledgeBase.events(matching: filter, newestFirst: sort == "-date")
        return (events, EntityScope.meta([participant, location, entity]))
    }
}
