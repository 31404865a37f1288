/// `events.json`: summits, meetings, calls, deadlines ...
extension SeedAssembler {
    static let eventFields = [
        "id", "title", "kind", "status", "start", "end", "location", "participants", "summary",
        "proposals", "evidence", "enrichment",
    ]

    mutating func loadEvents(_ file: SeedFile?) {
        guard let records = collection(file, path: "events.json", key: "events") else { return }
        var seen: [String: SourceLocation] = [:]
        for json in records {
            guard let object = self.object(json, allowed: SeedAssembler.eventFields) else { continue }
            let id = slug(object)
            let record = id ?? object.path
            let title = required(object, "title") { value throws(JSONError) in try value.nonEmptyString() }
            let kind = required(object, "kind") { value throws(JSONError) in try value.enumeration(Event.Kind.self) }
            let status = required(object, "status") { value throws(JSONError) in try value.enumeration(Event.Status.self) }
            let start = optional(object, "start", SeedAssembler.datePoint)
            let end = optional(object, "end", SeedAssembler.datePoint)
            var location: String?
            if let value = object.optional("location") {
                location = reference(value, to: .entity(preferred: [.place, .country], description: "a place or country"))
            }
            let participants = self.participants(object)
            let summary = required(object, "summary") { value throws(JSONError) in try value.nonEmptyString() }
            var proposalIDs: [String] = []
            if let value = object.optional("proposals") {
                proposalIDs = references(value, to: .proposal) ?? []
            }
            let evidence = self.evidence(object, record: record, atLeastOne: true)
            let enrichment = self.enrichment(object, fields: SeedAssembler.eventFields)
            if let start, let end, end.date < start.date, let endValue = object["end"] {
                self.record(.invalidValue(endValue.location, path: endValue.path, reason: "end \(end.iso) is before start \(start.iso)"))
            }
            guard let id, let title, let kind, let status, let participants, let summary, let evidence else { continue }
            if let first = seen[id] {
                self.record(.duplicateID(object["id"]?.location ?? object.location, id: id, collection: "event", firstDefinedAt: first))
                continue
            }
            seen[id] = object["id"]?.location ?? object.location
            let articleIDs = SeedAssembler.distinctArticles(evidence)
            let outlets = Set(articleIDs.compactMap { articleIndex[$0].flatMap { articles[$0].outlet } }).sorted()
            events.append(Event(
                id: id, title: title, kind: kind, status: status, start: start, end: end, location: location,
                participants: participants, summary: summary, proposals: proposalIDs, evidence: evidence,
                enrichment: enrichment, articles: articleIDs, outlets: outlets
            ))
        }
    }

    mutating func participants(_ object: JSONObject) -> [Participant]? {
        guard let list = required(object, "participants", { value throws(JSONError) in try value.array() }) else { return nil }
        var result: [Participant] = []
        for element in list {
            guard let participant = self.object(element, allowed: ["entity", "role"]) else { continue }
            var entity: String?
            if let value = participant["entity"] {
                entity = reference(value, to: .entity(preferred: [], description: "an entity"))
            } else {
                record(.missingField(participant.location, field: "entity", path: participant.path))
            }
            let role = required(participant, "role") { value throws(JSONError) in try value.enumeration(Participant.Role.self) }
            if let entity, let role { result.append(Participant(entity: entity, role: role)) }
        }
        return result
    }
}
