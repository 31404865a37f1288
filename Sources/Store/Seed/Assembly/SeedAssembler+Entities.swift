/// `entities.json`: the catalog.
extension SeedAssembler {
    static let entityFields = [
        "id", "type", "name", "aliases", "description", "wikidata", "coordinates", "country", "affiliation", "enrichment",
    ]

    mutating func loadEntities(_ file: SeedFile?) {
        guard let records = collection(file, path: "entities.json", key: "entities") else { return }
        var seen: [String: SourceLocation] = [:]
        for json in records {
            guard let object = self.object(json, allowed: SeedAssembler.entityFields) else { continue }
            let id = slug(object)
            let kind = required(object, "type") { value throws(JSONError) in try value.enumeration(Entity.Kind.self) }
            let name = required(object, "name") { value throws(JSONError) in try value.nonEmptyString() }
            let aliases = aliasList(object, entity: object["id"].flatMap { try? $0.string() } ?? "?")
            let description = optional(object, "description") { value throws(JSONError) in try value.string() }
            let wikidata = optional(object, "wikidata", SeedAssembler.wikidata)
            let coordinates = optional(object, "coordinates", SeedAssembler.coordinates)
            var country: String?
            if let value = object.optional("country") {
                country = reference(value, to: .entity(preferred: [.country], description: "a country"))
            }
            var affiliation: String?
            if let value = object.optional("affiliation") {
                affiliation = reference(value, to: .entity(preferred: [.organisation, .country], description: "an organisation or country"))
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
            var entity = Entity(
                id: id, kind: kind, name: name, aliases: aliases.values, description: description,
                wikidata: wikidata, coordinates: coordinates, country: country, enrichment: enrichment, origin: .curated
            )
            entity.affiliation = affiliation
            entities.append(entity)
        }
    }

    mutating func aliasList(_ object: JSONObject, entity: String) -> (values: [Alias], locations: [SourceLocation])? {
        guard let list = required(object, "aliases", { value throws(JSONError) in try value.array() }) else { return nil }
        var values: [Alias] = []
        var locations: [SourceLocation] = []
        for element in list {
            guard let alias = self.object(element, allowed: ["text", "kind"]) else { continue }
            let text = required(alias, "text") { value throws(JSONError) in
                let text = try value.nonEmptyString()
                // A one-letter or invisible alias would match inside ordinary words: hundreds of false mentions.
                guard SeedAssembler.visibleCharacterCount(text) >= 2 else {
                    throw .invalidValue(value.location, path: value.path, reason: "alias '\(SeedAssembler.escaped(text))' of entity "
                        + "'\(entity)' has fewer than 2 visible characters (letters, digits or symbols; not spaces, "
                        + "combining marks or invisible format characters)")
                }
                return text
            }
            let kind = required(alias, "kind") { value throws(JSONError) in try value.enumeration(Alias.Kind.self) }
            guard let text, let kind else { continue }
            values.append(Alias(text: text, kind: kind))
            locations.append(alias["text"]?.location ?? alias.location)
        }
        return (values, locations)
    }

    /// Scalars that show: not white space, controls, format characters (U+200B, U+2060, …)
    /// or combining marks.
    static func visibleCharacterCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { count, scalar in
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
                 .nonspacingMark, .enclosingMark, .spacingMark, .unassigned, .surrogate:
                return count
            default:
                return scalar.properties.isWhitespace ? count : count + 1
            }
        }
    }

    /// `text` with invisible scalars written as `\u{…}`, so a message shows what is there.
    static func escaped(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            visibleCharacterCount(String(scalar)) == 1 || scalar == " " ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }.joined()
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
