/// `proposals.json`: security-guarantee proposals.
extension SeedAssembler {
    static let proposalFields = [
        "id", "title", "kind", "summary", "proposers", "guarantors", "beneficiary", "conditions", "status",
        "positions", "evidence", "enrichment",
    ]

    static let anyEntity = PendingReference.Target.entity(preferred: [], description: "an entity")

    mutating func loadProposals(_ file: SeedFile?) {
        guard let records = collection(file, path: "proposals.json", key: "proposals") else { return }
        var seen: [String: SourceLocation] = [:]
        for json in records {
            guard let object = self.object(json, allowed: SeedAssembler.proposalFields) else { continue }
            let id = slug(object)
            let record = id ?? object.path
            let title = required(object, "title") { value throws(JSONError) in try value.nonEmptyString() }
            let kind = required(object, "kind") { value throws(JSONError) in try value.enumeration(Proposal.Kind.self) }
            let summary = required(object, "summary") { value throws(JSONError) in try value.nonEmptyString() }
            let proposers = entityList(object, "proposers")
            let guarantors = entityList(object, "guarantors")
            var beneficiary: String?
            if let value = object["beneficiary"] {
                if !value.isNull { beneficiary = reference(value, to: SeedAssembler.anyEntity) }
            } else {
                self.record(.missingField(object.location, field: "beneficiary", path: object.path))
            }
            let conditions = self.conditions(object, record: record)
            let status = required(object, "status") { value throws(JSONError) in try value.enumeration(Proposal.Status.self) }
            let positions = self.positions(object, record: record)
            let evidence = self.evidence(object, record: record, atLeastOne: true)
            let enrichment = self.enrichment(object, fields: SeedAssembler.proposalFields)
            guard let id, let title, let kind, let summary, let proposers, let guarantors, let conditions,
                  let status, let positions, let evidence else { continue }
            if let first = seen[id] {
                self.record(.duplicateID(object["id"]?.location ?? object.location, id: id, collection: "proposal", firstDefinedAt: first))
                continue
            }
            seen[id] = object["id"]?.location ?? object.location
            proposalIDs.insert(id)
            let cited = evidence + conditions.flatMap(\.evidence) + positions.flatMap(\.evidence)
            let articleIDs = SeedAssembler.distinctArticles(cited)
            let firstReported = articleIDs.compactMap { articleIndex[$0].flatMap { articles[$0].published } }.min()
            proposals.append(Proposal(
                id: id, title: title, kind: kind, summary: summary, proposers: proposers, guarantors: guarantors,
                beneficiary: beneficiary, conditions: conditions, status: status, positions: positions,
                evidence: evidence, enrichment: enrichment, articles: articleIDs, firstReported: firstReported
            ))
        }
    }

    mutating func entityList(_ object: JSONObject, _ key: String) -> [String]? {
        guard let value = object[key] else {
            record(.missingField(object.location, field: key, path: object.path))
            return nil
        }
        return references(value, to: SeedAssembler.anyEntity)
    }

    mutating func conditions(_ object: JSONObject, record: String) -> [Condition]? {
        guard let list = required(object, "conditions", { value throws(JSONError) in try value.array() }) else { return nil }
        var result: [Condition] = []
        for element in list {
            guard let condition = self.object(element, allowed: ["text", "evidence"]) else { continue }
            let text = required(condition, "text") { value throws(JSONError) in try value.nonEmptyString() }
            let evidence = self.evidence(condition, record: record, atLeastOne: false)
            if let text, let evidence { result.append(Condition(text: text, evidence: evidence)) }
        }
        return result
    }

    mutating func positions(_ object: JSONObject, record: String) -> [Position]? {
        guard let list = required(object, "positions", { value throws(JSONError) in try value.array() }) else { return nil }
        var result: [Position] = []
        for element in list {
            guard let position = self.object(element, allowed: ["entity", "stance", "date", "evidence"]) else { continue }
            var entity: String?
            if let value = position["entity"] {
                entity = reference(value, to: SeedAssembler.anyEntity)
            } else {
                self.record(.missingField(position.location, field: "entity", path: position.path))
            }
            let stance = required(position, "stance") { value throws(JSONError) in try value.enumeration(Position.Stance.self) }
            let date = optional(position, "date", SeedAssembler.datePoint)
            let evidence = self.evidence(position, record: record, atLeastOne: false)
            if let entity, let stance, let evidence {
                result.append(Position(entity: entity, stance: stance, date: date, evidence: evidence))
            }
        }
        return result
    }
}
