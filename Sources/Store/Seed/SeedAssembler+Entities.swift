/// `entities.json`: the catalog.
extension SeedAssembler {
    static let entityFields = [
        "id", "type", "name", "aliases", "description", "wikidata", "coordinates", "country", "enrichment",
    ]

    mutating func loadEntities(_ file: SeedFile?) {
        guard let records = collection(file, path: "entities.json", key: "entities") else { return }
        var seen: [String: SourceLocation] = [:]
        for json in records {
            guard let object = self.object(json, allowed: SeedAssembler.entityFields) else { continue }
            let id = slug(object)
            let kind = required(object, "type") { value throws(JSONError) in try value.enumeration(Entity.Kind.self) }
            let name = required(object, "name") { value throws(JSONError) in try value.nonEmptyString() }
            let aliases = aliasList(object)
            let description = optional(object, "description") { value throws(JSONError) in try value.string() }
            let wikidata = optional(object, "wikidata", SeedAssembler.wikidata)
            let coordinates = optional(object, "coordinates", SeedAssembler.coordinates)
            var country: String?
            if let value = object.optional("country") {
                country = reference(value, to: .entity(preferred: [.country], description: "a country"))
            }
            let enrichment = self.enrichment(object, fields: SeedAssembler.entityFields)
            guard let id, let kind, let name, let aliases else { continue }
            if let first = seen[id] {
                record(.duplicateID(object["id"]?.location ?? object.location, id: id, collection: "entity", firstDefinedAt: first))
                continue
            }
            seen[id] = object["id"]?.location ?? object.location
            entityIndex[id] = entities.count
            aliasLocations[id] = [object["name"]?.location ?? object.location] + aliases.locations
            entities.append(Entity(
                id: id, kind: kind, name: name, aliases: aliases.values, description: description,
                wikidata: wikidata, coordinates: coordinates, country: country, enrichment: enrichment
            ))
        }
    }

    mutating func aliasList(_ object: JSONObject) -> (values: [Alias], locations: [SourceLocation])? {
        guard let list = required(object, "aliases", { value throws(JSONError) in try value.array() }) else { return nil }
        var values: [Alias] = []
        var locations: [SourceLocation] = []
        for element in list {
            guard let alias = self.object(element, allowed: ["text", "kind"]) else { continue }
            let text = required(alias, "text") { value throws(JSONError) in try value.nonEmptyString() }
            let kind = required(alias, "kind") { value throws(JSONError) in try value.enumeration(Alias.Kind.self) }
            guard let text, let kind else { continue }
            values.append(Alias(text: text, kind: kind))
            locations.append(alias["text"]?.location ?? alias.location)
        }
        return (values, locations)
    }

    static func wikidata(_ value: LocatedJSON) throws(JSONError) -> String {
        let text = try value.string()
        let digits = text.dropFirst()
        guard text.first == "Q", !digits.isEmpty, digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidValue(value.location, path: value.path, reason: "'\(text)' is not a Wikidata QID (Q followed by digits)")
        }
        return text
    }

    static func coordinates(_ value: LocatedJSON) throws(JSONError) -> Coordinates {
        let object = try value.object()
        try object.checkFields(allowed: ["lat", "lon"])
        let latitudeValue = try object.required("lat")
        let longitudeValue = try object.required("lon")
        let latitude = try latitudeValue.double()
        let longitude = try longitudeValue.double()
        guard (-90...90).contains(latitude) else {
            throw .invalidValue(latitudeValue.location, path: latitudeValue.path, reason: "latitude must be within -90...90")
        }
        guard (-180...180).contains(longitude) else {
            throw .invalidValue(longitudeValue.location, path: longitudeValue.path, reason: "longitude must be within -180...180")
        }
        return Coordinates(latitude: latitude, longitude: longitude)
    }
}
