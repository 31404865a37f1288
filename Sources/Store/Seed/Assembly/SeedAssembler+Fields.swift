/// Field readers that record an error and return nil instead of throwing,
/// so one record's problems are all reported and the next record still loads.
extension SeedAssembler {
    static let slugPattern = "[a-z0-9]+(-[a-z0-9]+)*"

    /// Runs `body`, recording its error; nil on failure.
    mutating func capture<T>(_ body: () throws(JSONError) -> T) -> T? {
        do {
            return try body()
        } catch {
            record(error)
            return nil
        }
    }

    /// A required field (`null` is passed to `decode`, which usually rejects it).
    mutating func required<T>(_ object: JSONObject, _ key: String, _ decode: (LocatedJSON) throws(JSONError) -> T) -> T? {
        guard let value = object[key] else {
            record(.missingField(object.location, field: key, path: object.path))
            return nil
        }
        return capture { () throws(JSONError) -> T in try decode(value) }
    }

    /// A required field whose value may be `null`.
    mutating func nullable<T>(_ object: JSONObject, _ key: String, _ decode: (LocatedJSON) throws(JSONError) -> T) -> T? {
        guard let value = object[key] else {
            record(.missingField(object.location, field: key, path: object.path))
            return nil
        }
        if value.isNull { return nil }
        return capture { () throws(JSONError) -> T in try decode(value) }
    }

    /// An optional field; absent or `null` is nil.
    mutating func optional<T>(_ object: JSONObject, _ key: String, _ decode: (LocatedJSON) throws(JSONError) -> T) -> T? {
        guard let value = object.optional(key) else { return nil }
        return capture { () throws(JSONError) -> T in try decode(value) }
    }

    /// The value as an object, with every unknown field recorded.
    mutating func object(_ json: LocatedJSON, allowed: [String]) -> JSONObject? {
        guard let object = capture({ () throws(JSONError) -> JSONObject in try json.object() }) else { return nil }
        for error in object.unknownFields(allowed: allowed) { record(error) }
        return object
    }

    /// A required slug id.
    mutating func slug(_ object: JSONObject, _ key: String = "id") -> String? {
        guard let value = object[key] else {
            record(.missingField(object.location, field: key, path: object.path))
            return nil
        }
        return slug(value)
    }

    mutating func slug(_ value: LocatedJSON) -> String? {
        guard let text = capture({ () throws(JSONError) -> String in try value.string() }) else { return nil }
        guard SeedAssembler.isSlug(text) else {
            record(.badSlug(value.location, path: value.path, value: text))
            return nil
        }
        return text
    }

    static func isSlug(_ text: String) -> Bool {
        var previousWasDash = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasDash = false
            case UInt8(ascii: "-"):
                if previousWasDash { return false }
                previousWasDash = true
            default:
                return false
            }
        }
        return !previousWasDash
    }

    /// A reference to another record, checked later by `checkReferences()`.
    mutating func reference(_ value: LocatedJSON, to target: PendingReference.Target) -> String? {
        guard let id = capture({ () throws(JSONError) -> String in try value.string() }) else { return nil }
        pending.append(PendingReference(location: value.location, path: value.path, id: id, target: target))
        return id
    }

    mutating func references(_ value: LocatedJSON, to target: PendingReference.Target) -> [String]? {
        guard let elements = capture({ () throws(JSONError) -> [LocatedJSON] in try value.array() }) else { return nil }
        var ids: [String] = []
        for element in elements {
            if let id = reference(element, to: target) { ids.append(id) }
        }
        return ids
    }

    /// `enrichment`: field names; names outside `fields` are warned about.
    mutating func enrichment(_ object: JSONObject, fields: [String]) -> [String] {
        guard let value = object.optional("enrichment"),
              let names = capture({ () throws(JSONError) -> [String] in try value.strings() }) else { return [] }
        for (offset, name) in names.enumerated() {
            let head = name.prefix { $0 != "." && $0 != "[" }
            if !fields.contains(String(head)) {
                let element = (try? value.array())?[offset]
                warn(.unknownEnrichmentField(element?.location ?? value.location, path: element?.path ?? value.path, field: name))
            }
        }
        return names
    }

    /// A `DatePoint` object: `date` (ISO day), `precision`, `reason`.
    static func datePoint(_ value: LocatedJSON) throws(JSONError) -> DatePoint {
        let object = try value.object()
        try object.checkFields(allowed: ["date", "precision", "reason"])
        let dateValue = try object.required("date")
        let text = try dateValue.string()
        guard let date = CalendarDate(iso: text) else {
            throw .invalidValue(dateValue.location, path: dateValue.path, reason: "'\(text)' is not a valid YYYY-MM-DD date")
        }
        let precision = try object.required("precision").enumeration(DatePoint.Precision.self)
        let reason = try object.required("reason").nonEmptyString()
        let point = DatePoint(date: date, precision: precision, reason: reason)
        if let problem = point.periodProblem {
            throw .invalidValue(dateValue.location, path: dateValue.path, reason: problem)
        }
        return point
    }
}
