import Store

/// `components/parameters`, `components/headers` and `components/responses`, and the
/// builders the operations use for parameters and responses.
extension OpenAPIDocument {
    // MARK: parameters

    static var parameters: JSON {
        .object([
            ("limit", queryParameter("limit", integer(minimum: 1, maximum: Page.maximumLimit, defaultValue: Page.defaultLimit),
                                     "Page size.")),
            ("offset", queryParameter("offset", integer(minimum: 0, maximum: 1_000_000_000, defaultValue: 0),
                                      "Records to skip.")),
            ("pretty", queryParameter("pretty", string(values: ["", "true", "false", "1", "0"]),
                                      "Indent JSON: `pretty`, `pretty=true` or `pretty=1`; `pretty=false` or `pretty=0` leave it compact; any other value is a 400.",
                                      allowEmpty: true)),
            ("sort", queryParameter("sort", string(values: ["date", "-date"]),
                                    "`date`: oldest first; `-date`: newest first. Undated records last either way, ties by id.")),
        ])
    }

    static func queryParameter(
        _ name: String, _ schema: JSON, _ description: String, required: Bool = false, allowEmpty: Bool = false,
        example: String? = nil, list: Bool = false
    ) -> JSON {
        var members: [(String, JSON)] = [
            ("name", .string(name)), ("in", .string("query")), ("description", .string(description)),
            ("required", .bool(required)),
        ]
        if allowEmpty { members.append(("allowEmptyValue", .bool(true))) }
        if list { members += [("style", .string("form")), ("explode", .bool(false))] }
        members.append(("schema", schema))
        if let example { members.append(("example", .string(example))) }
        return .object(members)
    }

    /// A comma-separated list of enumerated values (`status=held,scheduled`).
    static func listParameter(_ name: String, _ values: [String], _ description: String) -> JSON {
        let items = string(values: values)
        let schema = JSON.object([("type", .string("array")), ("items", items), ("minItems", .int(1))])
        return queryParameter(name, schema, description + " Comma-separated; any of the values matches.", list: true)
    }

    /// `format`: the representations this path produces (`?format=` wins over `Accept`).
    static func formatParameter(_ formats: [Format]) -> JSON {
        queryParameter("format", string(values: formats.map(\.rawValue)),
                       "Representation (overrides `Accept`; case-insensitive). Default: \(formats[0].rawValue).")
    }

    /// A filter naming an entity by id, name or alias; an unknown name is a 400.
    static func entityParameter(_ name: String, _ description: String, example: String) -> JSON {
        queryParameter(name, string(minLength: 1),
                       description + " An entity id, name or alias (case- and diacritic-insensitive, see `/entities/resolve`); one that matches no entity is a 400.",
                       example: example)
    }

    static func searchParameter(required: Bool) -> JSON {
        let text = required
            ? "Full-text query: words (stemmed), \"quoted phrases\"; stop words alone are a 400."
            : "Only records matching this full-text query (words, \"quoted phrases\")."
        return queryParameter("q", string(minLength: 1), text, required: required, example: "security guarantees")
    }

    static func idParameter(_ collection: String, pattern: String, example: String) -> JSON {
        .object([
            ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string("The \(collection)'s id; an unknown id is a 404.")),
            ("schema", string(pattern: pattern, minLength: 1)), ("example", .string(example)),
        ])
    }

    static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

    // MARK: headers

    static var headers: JSON {
        .object([
            ("ETag", header(string(
                "Strong validator: the quoted XXH64 digest (hex) and length (hex) of the identity body; a gzip or Brotli "
                    + "form (`Content-Encoding`) has its own: the same tag with `.gz` or `.br`.",
                pattern: "^\"[0-9a-f]{16}-[0-9a-f]+(\\.gz|\\.br)?\"$"
            ))),
            ("Link", header(string(
                "RFC 8288 links to the next, prev (when they exist), first and last pages. "
                    + "Not sent with text/calendar, which is one unpaged feed."
            ), required: false)),
            ("Vary", header(string(
                "`Accept, Accept-Encoding` (and `Origin` when CORS is limited to listed origins; and the forwarded headers "
                    + "when links follow a trusted proxy's, without `publicUrl`)."
            ))),
            ("X-Request-ID", header(string("The client's X-Request-ID when well-formed (1-128 of `A-Za-z0-9-_.:+/=@`), else a generated one.",
                                           pattern: "^[A-Za-z0-9._:+/=@-]{1,128}$"))),
            ("Allow", header(constant("GET, HEAD, OPTIONS"))),
        ])
    }

    static func header(_ schema: JSON, required: Bool = true) -> JSON {
        .object([("required", .bool(required)), ("schema", schema)])
    }

    static func cacheControl(_ value: String) -> JSON {
        header(constant(value))
    }

    // MARK: responses

    static var responses: JSON {
        .object([
            ("BadRequest", problemResponse(
                "A query parameter is unknown (`allowed` lists the accepted ones), repeated, empty or has a value that cannot be used (`parameter`, `value`); or the request target is malformed.",
                examples: [
                    ("unknownParameter", problemExample(400, "unknown-parameter", "Unknown query parameter",
                        "Unknown query parameter 'zzz'. Allowed: format, limit, offset, pretty, q, sort.",
                        [("parameter", .string("zzz")), ("allowed", .strings(["format", "limit", "offset", "pretty", "q", "sort"]))])),
                    ("invalidParameter", problemExample(400, "invalid-parameter", "Invalid query parameter",
                        "Invalid value '0' for 'limit': must be an integer from 1 to 100.",
                        [("parameter", .string("limit")), ("value", .string("0"))])),
                ])),
            ("NotFound", problemResponse("No record with this id (`collection`, `id`).", examples: [
                ("notFound", problemExample(404, "not-found", "Not found", "No article with id 'nope'.",
                                            [("collection", .string("article")), ("id", .string("nope"))])),
            ])),
            ("NotAcceptable", problemResponse("`Accept` matches none of the media types this resource produces (`available`).", examples: [
                ("notAcceptable", problemExample(406, "not-acceptable", "Not acceptable",
                                                 "This resource is available as: application/json, text/csv.",
                                                 [("available", .strings(["application/json", "text/csv"]))])),
            ])),
            ("PreconditionFailed", problemResponse("`If-Match` names no current representation of this resource (a stale or unknown ETag); `etag` is the current one.", examples: [
                ("preconditionFailed", problemExample(412, "precondition-failed", "Precondition failed",
                                                      "If-Match names no current representation; the current ETag is \"3f1b2c4d5e6f7a8b\".",
                                                      [("etag", .string("\"3f1b2c4d5e6f7a8b\""))])),
            ])),
            ("ResponseTooLarge", problemResponse("The representation would exceed `limits.maxResponseBytes` (`limit`) and was not built: ask for a smaller page, fewer `include` values or a narrower filter.", examples: [
                ("responseTooLarge", problemExample(422, "response-too-large", "Response too large",
                                                    "This representation would exceed 33554432 bytes (limits.maxResponseBytes). Ask for less: a smaller limit, fewer include values, or a narrower filter.",
                                                    [("limit", .int(33_554_432))])),
            ])),
            ("Overloaded", .object([
                ("description", .string("The server holds too many responses its clients have not read (`limits.maxPendingWriteBytes`, server-wide) and builds no representation over 16 KiB until they drain; the connection is closed. Retry after `Retry-After` seconds. Small answers (health checks, errors, 304s, small pages) are still served.")),
                ("headers", .object([
                    ("Retry-After", header(integer("Seconds to wait before retrying.", minimum: 1))),
                    ("X-Request-ID", component("headers", "X-Request-ID")),
                ])),
                ("content", .object([("application/problem+json", .object([("schema", ref("Problem"))]))])),
            ])),
            ("Redirect", .object([
                ("description", .string("The path was written another way: an empty segment (`/events/`, `//events`) or a percent-escaped unreserved character (`/%65vents`). `Location` has the one URL of the resource, with the query as sent; the method is kept.")),
                ("headers", .object([
                    ("Location", header(string("The one URL of the resource."))),
                    ("X-Request-ID", component("headers", "X-Request-ID")),
                ])),
                ("content", .object([("text/plain", .object([("schema", string("Where the resource is."))]))])),
            ])),
            ("MethodNotAllowed", .object([
                ("description", .string("Not an answer to GET or HEAD: any method other than GET, HEAD and OPTIONS on this path is refused, with `Allow`.")),
                ("headers", .object([("Allow", component("headers", "Allow")), ("X-Request-ID", component("headers", "X-Request-ID"))])),
                ("content", .object([("application/problem+json", .object([("schema", ref("Problem"))]))])),
            ])),
        ])
    }

    static func problemResponse(_ description: String, examples: [(String, JSON)]) -> JSON {
        .object([
            ("description", .string(description)),
            ("headers", .object([("X-Request-ID", component("headers", "X-Request-ID"))])),
            ("content", .object([("application/problem+json", .object([
                ("schema", ref("Problem")),
                ("examples", .object(examples.map { ($0.0, .object([("value", $0.1)])) })),
            ]))])),
        ])
    }

    static func problemExample(_ status: Int, _ type: String, _ title: String, _ detail: String, _ extensions: [(String, JSON)]) -> JSON {
        .object([
            ("type", .string("https://accord.example/problems/" + type)), ("title", .string(title)), ("status", .int(status)),
            ("detail", .string(detail)), ("requestId", .string("6f1c2a9d03b4e857-0000002a")),
        ] + extensions)
    }

    /// The media types a format is served as, and the schema of each.
    static func content(_ formats: [Format], json schema: String) -> JSON {
        .object(formats.map { format in
            let body: JSON
            switch format {
            case .json: body = ref(schema)
            case .csv: body = string("RFC 4180 CSV (`text/csv; charset=utf-8`): a header row, then one row per record of this page; nested objects become dotted columns (`start.date`), arrays are joined with `; `.")
            case .geojson: body = ref("EventFeatureCollection")
            case .ics: body = string("RFC 5545 iCalendar (`text/calendar; charset=utf-8`); undated events are left out.")
            }
            return (format.bareMediaType, .object([("schema", body)]))
        })
    }

    /// 200 and 304 of a cached resource; lists add `Link`. `extra` adds media types and headers
    /// served besides the formats (the explorer page at `/`).
    static func success(_ description: String, formats: [Format], schema: String, list: Bool,
                        cache: [String] = ["public, max-age=60"],
                        extra: (content: [(String, JSON)], headers: [(String, JSON)]) = ([], [])) -> [(String, JSON)] {
        var headers: [(String, JSON)] = [
            ("ETag", component("headers", "ETag")),
            ("Cache-Control", cache.count == 1 ? cacheControl(cache[0]) : header(string(values: cache))),
            ("Vary", component("headers", "Vary")),
        ]
        if list { headers.append(("Link", component("headers", "Link"))) }
        headers.append(("X-Request-ID", component("headers", "X-Request-ID")))
        headers += extra.headers
        guard case .object(let media) = content(formats, json: schema) else { return [] }
        return [
            ("200", .object([("description", .string(description)), ("headers", .object(headers)),
                             ("content", .object(media + extra.content))])),
            ("304", .object([("description", .string("`If-None-Match` matches the current ETag; no body.")),
                             ("headers", .object(headers))])),
        ]
    }
}
