import HTTP
import Store

extension Application {
    static let eventFilters = ["status", "kind", "participant", "location", "from", "to", "q", "sort", "provenance", "overdue"]

    /// `/events` (JSON, CSV, GeoJSON, iCalendar), `/events.ics`, `/events/{id}`.
    func registerEventRoutes() {
        resource("/events", parameters: QueryParameters.paging + Self.eventFilters, formats: [.json, .csv, .geojson, .ics]) { context in
            let events = try Self.filteredEvents(context)
            var rendered = try context.list(events) { context.representation.event($0) }
            let page = try Page(context.query)
            let pageEvents = Array(page.slice(events))
            rendered.encodings[.geojson] = { GeoJSONEncoder.encode(pageEvents, representation: context.representation).serialized(pretty: context.query.pretty) }
            rendered.encodings[.ics] = { ICalendarEncoder.encode(events, representation: context.representation) }
            return rendered
        }
        resource("/events.ics", parameters: Self.eventFilters, formats: [.ics]) { context in
            let events = try Self.filteredEvents(context)
            var rendered = Rendered(json: .null)
            rendered.encodings[.ics] = { ICalendarEncoder.encode(events, representation: context.representation) }
            return rendered
        }
        resource("/events/{id}", parameters: [], formats: [.json, .geojson, .ics]) { context in
            let event = try context.record("event", context.knowledgeBase.event(id:))
            var rendered = Rendered(json: context.representation.event(event))
            rendered.encodings[.geojson] = { GeoJSONEncoder.encode([event], representation: context.representation).serialized() }
            rendered.encodings[.ics] = { ICalendarEncoder.encode([event], representation: context.representation) }
            return rendered
        }
    }

    /// Applies every event filter; the order is by date (`sort=date` default, `-date`), ties by id.
    static func filteredEvents(_ context: RouteContext) throws -> [Event] {
        let query = context.query
        let statuses = try query.enumList("status", Event.Status.self)
        let kinds = try query.enumList("kind", Event.Kind.self)
        let provenances = try query.enumList("provenance", Provenance.self)
        let overdue = try query.enumList("overdue", Flag.self)
        let participant = try context.entityID("participant")
        let location = try context.entityID("location")
        let from = try query.date("from", end: false)
        let to = try query.date("to", end: true)
        if let from, let to, from > to {
            throw APIError.invalidParameter("to", value: query["to"] ?? "", reason: "must not be before 'from'.")
        }
        let matching = try context.matching(kind: "event")
        let sort = try query.string("sort") ?? "date"
        guard sort == "date" || sort == "-date" else {
            throw APIError.invalidParameter("sort", value: sort, reason: "allowed values: date, -date.")
        }
        let events = context.knowledgeBase.events.filter { event in
            if let statuses, !statuses.contains(event.status) { return false }
            if let kinds, !kinds.contains(event.kind) { return false }
            if let provenances, !provenances.contains(event.provenance) { return false }
            if let overdue, !overdue.contains(Flag(event.overdue)) { return false }
            if let participant, !event.participants.contains(where: { $0.entity == participant }) { return false }
            if let location, event.location != location && context.knowledgeBase.entity(id: event.location ?? "")?.country != location {
                return false
            }
            if from != nil || to != nil {
                guard let start = event.start?.date else { return false }
                let end = event.end?.date ?? start
                if let from, end < from { return false }
                if let to, start > to { return false }
            }
            if let matching, !matching.contains(event.id) { return false }
            return true
        }
        return chronological(events, descending: sort == "-date")
    }
}
