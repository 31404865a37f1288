import Store

/// The OpenAPI 3.1 description of every path, parameter, response schema and error.
/// Served verbatim at `/openapi.json`; `APITests/OpenAPIContractTests` keeps it true.
///
/// The document is built with the API's ordered ``JSON`` value, so it serialises to the same
/// bytes (and ETag) on every replica. Enumerations that mirror a model's cases are taken from
/// the model itself (`Event.Status.allCases`, ...), so a new case cannot be left undocumented.
/// The pieces live in `OpenAPIDocument+Paths.swift` (operations), `+Components.swift`
/// (parameters, headers, responses) and `+Schemas.swift` (response bodies).
enum OpenAPIDocument {
    static let json: String = json(serverURL: "/")

    /// The document with `servers` set to `serverURL` (the configured `publicUrl`, or "/").
    static func json(serverURL: String) -> String {
        String(decoding: document(serverURL: serverURL).serialized(), as: UTF8.self)
    }

    static func document(serverURL: String) -> JSON {
        .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("Accord")),
                ("version", .string(ServiceInfo().version)),
                ("summary", .string("A curated record of news articles, entities, events and proposals about security guarantees for Ukraine.")),
                ("description", .string(description)),
            ])),
            ("servers", .array([.object([("url", .string(serverURL))])])),
            ("tags", .array(tags.map { .object([("name", .string($0.0)), ("description", .string($0.1))]) })),
            ("paths", paths),
            ("components", .object([
                ("schemas", schemas),
                ("parameters", parameters),
                ("headers", headers),
                ("responses", responses),
            ])),
        ])
    }

    static let tags: [(String, String)] = [
        ("articles", "News articles: cleaned text, paragraphs, entity mentions and the cleaning report."),
        ("entities", "People, countries, organisations, places and agreements, with their mentions."),
        ("events", "Meetings, calls, summits, deadlines and attacks, with dates, places and participants."),
        ("proposals", "Proposed security guarantees, who proposes, guarantees, supports or opposes them."),
        ("search", "Ranked full-text search across every resource."),
        ("service", "Index, health, readiness, metrics and this document."),
    ]

    static let description = """
        Read-only JSON API over a curated corpus. Every record carries its sources (article ids) \
        and evidence (a verbatim quote with its paragraph and character offsets).

        **Methods.** Every path answers GET. HEAD is answered like GET without a body. OPTIONS \
        answers 204 with `Allow: GET, HEAD, OPTIONS`; a CORS preflight (OPTIONS with `Origin` and \
        `Access-Control-Request-Method`) answers 204 with the `Access-Control-Allow-*` headers. Any \
        other method on a known path is 405 with `Allow`; an unknown path is 404.

        **Formats.** Resources choose a representation by `?format=` (which wins) or by `Accept` \
        (q-values honoured; no `Accept` or `*/*` gives JSON). Lists are also available as CSV, \
        events as GeoJSON and iCalendar. An `Accept` that matches nothing the resource produces is \
        406; a `format` the resource does not produce is 400. `?pretty` indents JSON.

        **Query parameters.** Each endpoint accepts exactly the parameters documented for it: an \
        unknown parameter is a 400 whose `allowed` member lists the accepted ones; a parameter \
        given twice is a 400 (lists are comma-separated: `status=held,scheduled`). Empty values \
        are 400, except `pretty`. `/healthz`, `/readyz`, `/metrics` and `/openapi.json` ignore \
        the query.

        **Paging.** Lists take `limit` (1 to 100, default 20) and `offset` (default 0) and answer \
        `{"data", "meta", "links"}` with an RFC 8288 `Link` header (next, prev, first, last).

        **Caching.** Resources carry a strong `ETag` (XXH64 digest and length of the body) and answer \
        `If-None-Match` with 304 (weak comparison, `*` matches). Every response carries \
        `X-Request-ID` (the client's when well-formed, else generated).

        **Errors** are RFC 9457 `application/problem+json` with `requestId` and members naming \
        the cause (`parameter`, `value`, `allowed`, `collection`, `id`, `available`). Requests the \
        HTTP engine rejects before routing (malformed framing: 400, 413, 414, 417, 431, 501, 505) \
        get a problem body and the connection is closed.
        """

    // MARK: building blocks

    static func ref(_ name: String) -> JSON {
        .object([("$ref", .string("#/components/schemas/" + name))])
    }

    static func component(_ kind: String, _ name: String) -> JSON {
        .object([("$ref", .string("#/components/\(kind)/" + name))])
    }

    /// `schema` or null: `"type": [t, "null"]` for an inline type, `anyOf` for a reference.
    static func nullable(_ schema: JSON) -> JSON {
        guard case .object(var members) = schema, schema["$ref"] == nil,
              let index = members.firstIndex(where: { $0.0 == "type" }), case .string(let type) = members[index].1
        else { return .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))]) }
        members[index].1 = .array([.string(type), .string("null")])
        return .object(members)
    }

    static func string(
        _ description: String? = nil, format: String? = nil, pattern: String? = nil,
        values: [String]? = nil, minLength: Int? = nil
    ) -> JSON {
        var members: [(String, JSON)] = [("type", .string("string"))]
        if let values { members.append(("enum", .strings(values))) }
        if let format { members.append(("format", .string(format))) }
        if let pattern { members.append(("pattern", .string(pattern))) }
        if let minLength { members.append(("minLength", .int(minLength))) }
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    static func constant(_ value: String, _ description: String? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("string")), ("const", .string(value))]
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    static func integer(_ description: String? = nil, minimum: Int? = nil, maximum: Int? = nil, defaultValue: Int? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("integer"))]
        if let minimum { members.append(("minimum", .int(minimum))) }
        if let maximum { members.append(("maximum", .int(maximum))) }
        if let defaultValue { members.append(("default", .int(defaultValue))) }
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    static func number(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("number"))]
        if let minimum { members.append(("minimum", .double(minimum))) }
        if let maximum { members.append(("maximum", .double(maximum))) }
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    static func boolean(_ description: String? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("boolean"))]
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    static func array(_ items: JSON, _ description: String? = nil, minItems: Int? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("array")), ("items", items)]
        if let minItems { members.append(("minItems", .int(minItems))) }
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    /// A closed object: every property is required unless listed in `optional`.
    static func record(_ properties: [(String, JSON)], optional: Set<String> = [], description: String? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        let required = properties.map(\.0).filter { !optional.contains($0) }
        if !required.isEmpty { members.append(("required", .strings(required))) }
        members.append(("properties", .object(properties)))
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    /// The raw values of a model enumeration, in declaration order.
    static func cases<E: RawRepresentable & CaseIterable>(_: E.Type) -> [String] where E.RawValue == String {
        E.allCases.map(\.rawValue)
    }
}
