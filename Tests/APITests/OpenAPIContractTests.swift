import Foundation
import Testing
@testable import API
@testable import HTTP
import Store

/// Keeps `/openapi.json` true: the document is checked against the router and against real
/// responses of the application over the shipped seeds, called in process.
///
/// Everything is derived from the document itself (its paths, parameters, enums, bounds,
/// required members, media types and headers), so a route, parameter, value or field added to
/// the code but not to the document (or the other way round) fails here.
@Suite("OpenAPI contract")
struct OpenAPIContractTests {
    // MARK: fixtures

    static let seeds: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds").path

    /// The shipped web explorer, so its routes answer too.
    static let web: String = URL(fileURLWithPath: seeds).deletingLastPathComponent().appendingPathComponent("web").path

    static let application: Application = {
        switch DatasetLoader.load(directory: seeds, strict: true) {
        case .success(let dataset): return Application(dataset: dataset, web: try? StaticFiles(directory: web))
        case .failure(let failure): fatalError("the shipped seeds must load: \(failure)")
        }
    }()

    static let document: JSONValue = {
        do { return try JSONValue.parse(Array(OpenAPIDocument.json.utf8)) } catch {
            fatalError("/openapi.json is not JSON: \(error)")
        }
    }()

    static var paths: [String: JSONValue] { document["paths"]?.objectValue ?? [:] }

    static func operation(_ path: String) -> JSONValue { document["paths"]?[path]?["get"] ?? .null }

    /// The operation's parameters with `$ref`s resolved.
    static func parameters(_ path: String, in location: String = "query") -> [JSONValue] {
        (operation(path)["parameters"]?.arrayValue ?? []).map(resolve).filter { $0["in"]?.stringValue == location }
    }

    static func resolve(_ value: JSONValue) -> JSONValue {
        guard let reference = value["$ref"]?.stringValue, reference.hasPrefix("#/") else { return value }
        var node = document
        for key in reference.dropFirst(2).split(separator: "/") { node = node[String(key)] ?? .null }
        return resolve(node)
    }

    /// A real id for `{id}` in `path`: the first record (the most mentioned entity, so its
    /// sub-collections are not empty).
    static func realID(for path: String) -> String {
        let base = application.dataset.knowledgeBase
        if path.hasPrefix("/articles/") { return base.articles[0].id }
        if path.hasPrefix("/events/") { return base.events[0].id }
        if path.hasPrefix("/proposals/") { return base.proposals[0].id }
        return base.entities.max { base.mentions(ofEntity: $0.id).count < base.mentions(ofEntity: $1.id).count }!.id
    }

    /// `path` with `{id}` replaced by a real id (other path parameters by their example), and
    /// every required query parameter set to its example.
    static func target(_ path: String, id: String? = nil, _ extra: [(String, String)] = [], required: Bool = true) -> String {
        var concrete = path
        for parameter in parameters(path, in: "path") {
            guard let name = parameter["name"]?.stringValue else { continue }
            let value = name == "id" ? id ?? realID(for: path) : id ?? parameter["example"]?.stringValue ?? "x"
            concrete = concrete.replacing("{\(name)}", with: URLEncoding.encode(value))
        }
        var query: [(String, String)] = parameters(path).compactMap { parameter in
            guard required, parameter["required"] == .bool(true), let name = parameter["name"]?.stringValue,
                  !extra.contains(where: { $0.0 == name }) else { return nil }
            return (name, parameter["example"]?.stringValue ?? "x")
        }
        query += extra
        guard !query.isEmpty else { return concrete }
        return concrete + "?" + query.map { URLEncoding.encode($0.0) + "=" + URLEncoding.encode($0.1) }.joined(separator: "&")
    }

    /// An in-process request, as the engine would hand it to the application.
    static func request(_ target: String, method: HTTPMethod = .get, headers: [String: String] = [:]) throws -> HTTPRequest {
        var request = HTTPRequest(
            method: method, target: target, headers: HTTPHeaders(headers.map { (name: $0.key.lowercased(), value: $0.value) }),
            context: RequestContext(peer: "127.0.0.1:40000", peerAddress: "127.0.0.1", requestID: "contract-test-1")
        )
        let parsed = try RequestTarget.parse(target, method: method)
        request.path = parsed.path
        request.pathSegments = parsed.segments
        request.query = parsed.query.map { (name: $0.name, value: $0.value) }
        request.context.host = "accord.test"
        return request
    }

    /// Sends `target` and checks the answer against what the document says of `path`:
    /// the status is documented, the media type is one documented for it, a JSON body
    /// matches the schema, and every required header (but the engine's X-Request-ID) is there.
    @discardableResult
    static func exchange(
        _ path: String, _ target: String, method: HTTPMethod = .get, headers: [String: String] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (status: Int, body: JSONValue?, response: HTTPResponse) {
        let response = application.respond(to: try request(target, method: method, headers: headers))
        let status = response.status.code
        let context = "\(method.rawValue) \(target) → \(status)"
        guard let documented = operation(path)["responses"]?[String(status)].map(resolve) else {
            Issue.record("\(context): status not documented", sourceLocation: sourceLocation)
            return (status, nil, response)
        }
        for (name, header) in documented["headers"]?.objectValue ?? [:] where name != "X-Request-ID" {
            let header = resolve(header)
            guard let value = response.headers[name] else {
                if header["required"] == .bool(true) { Issue.record("\(context): no \(name) header", sourceLocation: sourceLocation) }
                continue
            }
            for error in SchemaValidator(document: document).errors(.string(value), header["schema"] ?? .object([:]), at: name) {
                Issue.record("\(context): \(error)", sourceLocation: sourceLocation)
            }
        }
        let content = documented["content"]?.objectValue ?? [:]
        guard !response.body.isEmpty || !content.isEmpty else { return (status, nil, response) }
        let mediaType = String((response.headers["content-type"] ?? "").prefix { $0 != ";" })
        guard let media = content[mediaType] else {
            Issue.record("\(context): \(mediaType) is not documented (\(content.keys.sorted()))", sourceLocation: sourceLocation)
            return (status, nil, response)
        }
        guard mediaType.hasSuffix("json") else { return (status, nil, response) }
        let body: JSONValue
        do { body = try JSONValue.parse(response.body) } catch {
            Issue.record("\(context): body is not JSON", sourceLocation: sourceLocation)
            return (status, nil, response)
        }
        for error in SchemaValidator(document: document).errors(body, media["schema"] ?? .object([:]), at: "body") {
            Issue.record("\(context): \(error)", sourceLocation: sourceLocation)
        }
        return (status, body, response)
    }

    // MARK: the document

    @Test func theDocumentIsOpenAPI31AndEveryReferenceResolves() throws {
        let document = Self.document
        #expect(document["openapi"] == .string("3.1.0"))
        #expect(document["info"]?["title"] == .string("Accord"))
        #expect(document["info"]?["version"] == .string(ServiceInfo().version))
        #expect(document["servers"] == .array([.object(["url": .string("/")])]))
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if case .string(let reference)? = members["$ref"] { references.append(reference) }
                members.values.forEach(collect)
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(references.count > 50)
        for reference in Set(references) {
            #expect(reference.hasPrefix("#/components/") && Self.resolve(.object(["$ref": .string(reference)])) != .null,
                    "dangling \(reference)")
        }
        for (path, item) in Self.paths {
            #expect(item.objectValue?.keys.sorted() == ["get"], "\(path): only GET is documented (HEAD and OPTIONS in the text)")
            #expect(item["get"]?["responses"]?["200"] != nil, "\(path) documents no 200")
        }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsARoute() {
        var templates: Set<String> = []
        func walk(_ node: Router.Node) {
            if node.handler(.get) != nil { templates.insert(node.template) }
            node.literal.map(\.node).forEach(walk)
            if let parameter = node.parameter { walk(parameter.node) }
        }
        walk(Self.application.router.root)
        #expect(templates.count >= 23)
        #expect(Set(Self.paths.keys) == templates, "undocumented: \(templates.subtracting(Self.paths.keys).sorted()), not routes: \(Set(Self.paths.keys).subtracting(templates).sorted())")
    }

    // MARK: responses

    @Test func everyDocumentedPathAnswersWithItsDocumentedSchema() throws {
        for path in Self.paths.keys.sorted() {
            let (status, _, response) = try Self.exchange(path, Self.target(path))
            #expect(status == 200, "GET \(Self.target(path)) gave \(status): \(String(decoding: response.body, as: UTF8.self).prefix(300))")
        }
    }

    @Test func everyRecordAndEverySubCollectionMatchesItsSchema() throws {
        let base = Self.application.dataset.knowledgeBase
        let all = [("limit", "100")]
        for path in ["/articles", "/entities", "/events", "/proposals"] { try Self.exchange(path, Self.target(path, all)) }
        for article in base.articles {
            try Self.exchange("/articles/{id}", Self.target("/articles/{id}", id: article.id, [("include", "text,paragraphs,mentions,cleaning")]))
            for sub in ["", "/entities", "/events", "/proposals"] {
                try Self.exchange("/articles/{id}" + sub, Self.target("/articles/{id}" + sub, id: article.id, sub.isEmpty ? [] : all))
            }
        }
        for entity in base.entities {
            for sub in ["", "/articles", "/events", "/proposals", "/mentions"] {
                try Self.exchange("/entities/{id}" + sub, Self.target("/entities/{id}" + sub, id: entity.id, sub.isEmpty ? [] : all))
            }
        }
        for event in base.events {
            for format in ["json", "geojson", "ics"] {
                try Self.exchange("/events/{id}", Self.target("/events/{id}", id: event.id, [("format", format)]))
            }
        }
        for proposal in base.proposals { try Self.exchange("/proposals/{id}", Self.target("/proposals/{id}", id: proposal.id)) }
        for format in ["json", "geojson"] { try Self.exchange("/events", Self.target("/events", all + [("format", format)])) }
        for query in ["ukraine", "security guarantees", "nato"] {
            try Self.exchange("/search", Self.target("/search", [("q", query), ("limit", "100")]))
        }
    }

    @Test func documentedExamplesAreRealRecordsAndValues() throws {
        for path in Self.paths.keys.sorted() where path.contains("{") {
            for parameter in Self.parameters(path, in: "path") {
                let example = try #require(parameter["example"]?.stringValue, "\(path): path parameter without example")
                let (status, _, _) = try Self.exchange(path, Self.target(path, id: example))
                #expect(status == 200, "\(path): the example id '\(example)' is not a record")
            }
        }
        for path in Self.paths.keys.sorted() {
            for parameter in Self.parameters(path) {
                guard let name = parameter["name"]?.stringValue, let example = parameter["example"]?.stringValue else { continue }
                let (status, body, _) = try Self.exchange(path, Self.target(path, [(name, example)]))
                #expect(status == 200, "\(path)?\(name)=\(example) (the documented example) gave \(status)")
                if let total = body?["meta"]?["total"], name != "q" {
                    #expect(total != .integer(0), "\(path)?\(name)=\(example): the documented example matches nothing")
                }
            }
        }
    }

    // MARK: parameters

    @Test func documentedQueryParametersAreExactlyTheOnesTheServerAllows() throws {
        for path in Self.paths.keys.sorted() {
            let documented = Self.parameters(path).compactMap { $0["name"]?.stringValue }.sorted()
            let (status, body, _) = try Self.exchange(path, Self.target(path, [("zzz", "1")]))
            if documented.isEmpty {
                #expect(status == 200, "\(path) documents no query parameter but refuses an unknown one")
            } else {
                #expect(status == 400 && body?["parameter"] == .string("zzz"), "\(path): unknown parameter gave \(status)")
                let allowed = body?["allowed"]?.arrayValue?.compactMap(\.stringValue) ?? []
                #expect(documented == allowed, "\(path): documented \(documented), server allows \(allowed)")
            }
        }
    }

    @Test func everyEnumeratedValueIsAcceptedAndOthersAreRefused() throws {
        var checked = 0
        for path in Self.paths.keys.sorted() {
            for parameter in Self.parameters(path) {
                guard let name = parameter["name"]?.stringValue else { continue }
                let schema = Self.resolve(parameter["schema"] ?? .null)
                guard let values = (schema["enum"] ?? schema["items"]?["enum"])?.arrayValue?.compactMap(\.stringValue) else { continue }
                for value in values {
                    let (status, _, _) = try Self.exchange(path, Self.target(path, [(name, value)]))
                    #expect(status == 200, "\(path)?\(name)=\(value) gave \(status)")
                    checked += 1
                }
                if schema["type"] == .string("array") {
                    let (status, _, _) = try Self.exchange(path, Self.target(path, [(name, values.joined(separator: ","))]))
                    #expect(status == 200, "\(path)?\(name)=<every value> gave \(status)")
                }
                var refused = ["zz-bogus"]
                if name == "format" { refused += Format.allCases.map(\.rawValue).filter { !values.contains($0) } }
                for value in refused {
                    let (status, body, _) = try Self.exchange(path, Self.target(path, [(name, value)]))
                    #expect(status == 400 && body?["parameter"] == .string(name), "\(path)?\(name)=\(value) gave \(status)")
                }
            }
        }
        #expect(checked > 80)
    }

    @Test func integerBoundsAndRequiredParametersHold() throws {
        for path in Self.paths.keys.sorted() {
            for parameter in Self.parameters(path) {
                guard let name = parameter["name"]?.stringValue else { continue }
                let schema = Self.resolve(parameter["schema"] ?? .null)
                if parameter["required"] == .bool(true) {
                    let (status, body, _) = try Self.exchange(path, Self.target(path, required: false))
                    #expect(status == 400 && body?["parameter"] == .string(name), "\(path) without \(name) gave \(status)")
                }
                guard schema["type"] == .string("integer") else { continue }
                if case .integer(let minimum)? = schema["minimum"] {
                    #expect(try Self.exchange(path, Self.target(path, [(name, String(minimum))])).status == 200, "\(path)?\(name)=\(minimum)")
                    #expect(try Self.exchange(path, Self.target(path, [(name, String(minimum - 1))])).status == 400, "\(path)?\(name)=\(minimum - 1)")
                }
                if case .integer(let maximum)? = schema["maximum"] {
                    #expect(try Self.exchange(path, Self.target(path, [(name, String(maximum))])).status == 200, "\(path)?\(name)=\(maximum)")
                    #expect(try Self.exchange(path, Self.target(path, [(name, String(maximum + 1))])).status == 400, "\(path)?\(name)=\(maximum + 1)")
                }
                if case .integer(let defaultValue)? = schema["default"], let meta = try Self.exchange(path, Self.target(path)).body?["meta"] {
                    #expect(meta[name] == .integer(defaultValue), "\(path): default \(name)")
                }
            }
        }
    }

    // MARK: errors and caching

    @Test func documentedErrorsAndRevalidationHappen() throws {
        for path in Self.paths.keys.sorted() {
            let responses = Self.operation(path)["responses"]?.objectValue ?? [:]
            if responses["404"] != nil {
                let unknown = path.contains("{") ? Self.target(path, id: "no-such-id") : Self.target(path, [("name", "no such name at all")])
                let (status, body, _) = try Self.exchange(path, unknown)
                #expect(status == 404 && body?["collection"] != nil, "\(unknown) gave \(status)")
            }
            if responses["406"] != nil {
                // Not text/html: a browser asking `/` for HTML gets the explorer page, not a 406.
                let (status, body, _) = try Self.exchange(path, Self.target(path), headers: ["Accept": "application/xml"])
                let produced = Set(Self.resolve(responses["200"]!)["content"]?.objectValue?.keys.filter { $0 != "text/html" } ?? [])
                let available = Set(body?["available"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                #expect(status == 406 && available == produced, "\(path): 406 lists \(available), documented \(produced)")
            }
            if responses["412"] != nil {
                // A stale ETag in If-Match: 412, its body (checked against the schema by `exchange`)
                // naming the current one.
                let (_, _, first) = try Self.exchange(path, Self.target(path))
                let (status, body, _) = try Self.exchange(path, Self.target(path), headers: ["If-Match": "\"stale\""])
                #expect(status == 412 && body?["etag"]?.stringValue == first.headers["etag"], "\(path): If-Match gave \(status)")
            }
            if responses["304"] != nil {
                let (_, _, first) = try Self.exchange(path, Self.target(path))
                let etag = try #require(first.headers["etag"], "\(path) documents 304 but sends no ETag")
                #expect(try Self.exchange(path, Self.target(path), headers: ["If-None-Match": etag]).status == 304, "\(path)")
            }
            // The engine's answer under overload (tested over sockets in LifecycleTests) is documented
            // where a large representation can be asked for, with when to retry.
            if responses["422"] != nil {
                let overloaded = try #require(responses["503"].map(Self.resolve), "\(path) does not document 503")
                #expect(overloaded["headers"]?["Retry-After"] != nil, "\(path): 503 without Retry-After")
            }
            #expect(responses["405"] != nil, "\(path) does not document 405")
            let (status, _, refused) = try Self.exchange(path, Self.target(path), method: .delete)
            #expect(status == 405 && refused.headers["allow"] == "GET, HEAD, OPTIONS", "DELETE \(path) gave \(status)")
        }
    }
}

// MARK: - JSON and a JSON Schema subset

/// A parsed JSON value (integers kept apart from other numbers, as JSON Schema does).
enum JSONValue: Decodable, Equatable, Sendable {
    case object([String: JSONValue]), array([JSONValue]), string(String), integer(Int), number(Double), bool(Bool), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) }

    subscript(key: String) -> JSONValue? { if case .object(let members) = self { members[key] } else { nil } }
    var objectValue: [String: JSONValue]? { if case .object(let members) = self { members } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }

    var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}

/// The JSON Schema keywords the document uses: `$ref`, `anyOf`, `oneOf`, `allOf`, `type`,
/// `enum`, `const`, `required`, `properties`, `additionalProperties`, `items`, `prefixItems`,
/// `minItems`, `maxItems`, `minimum`, `maximum`, `minLength` and `pattern`. An unknown keyword
/// is reported, so the document cannot silently outgrow this checker.
struct SchemaValidator {
    let document: JSONValue
    static let known: Set<String> = [
        "$ref", "anyOf", "oneOf", "allOf", "type", "enum", "const", "required", "properties", "additionalProperties",
        "items", "prefixItems", "minItems", "maxItems", "minimum", "maximum", "minLength", "pattern",
        "format", "description", "default", "example", "examples",
    ]

    func errors(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        var errors: [String] = []
        validate(value, schema, path, &errors)
        return errors
    }

    func validate(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ errors: inout [String]) {
        guard let keywords = schema.objectValue else { return }
        for keyword in keywords.keys where !Self.known.contains(keyword) { errors.append("\(path): schema keyword \(keyword) not checked") }
        if let reference = keywords["$ref"]?.stringValue {
            var node = document
            for key in reference.dropFirst(2).split(separator: "/") { node = node[String(key)] ?? .null }
            validate(value, node, path, &errors)
        }
        if let options = keywords["anyOf"]?.arrayValue ?? keywords["oneOf"]?.arrayValue {
            let passing = options.filter { errorsFor(value, $0, path).isEmpty }.count
            if passing == 0 || (keywords["oneOf"] != nil && passing > 1) {
                errors.append("\(path): \(passing) of \(options.count) alternatives match \(value.typeName)")
            }
        }
        for part in keywords["allOf"]?.arrayValue ?? [] { validate(value, part, path, &errors) }
        if let type = keywords["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            let actual = value.typeName
            if !allowed.contains(actual) && !(actual == "integer" && allowed.contains("number")) {
                errors.append("\(path): \(actual), expected \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let options = keywords["enum"]?.arrayValue, !options.contains(value) { errors.append("\(path): \(value) not in enum") }
        if let constant = keywords["const"], constant != value { errors.append("\(path): \(value) is not \(constant)") }
        switch value {
        case .object(let members):
            for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                errors.append("\(path): missing \(name)")
            }
            let properties = keywords["properties"]?.objectValue ?? [:]
            for (name, member) in members {
                if let property = properties[name] {
                    validate(member, property, "\(path).\(name)", &errors)
                } else if keywords["additionalProperties"] == .bool(false) {
                    errors.append("\(path): undocumented member \(name)")
                } else if let additional = keywords["additionalProperties"], additional.objectValue != nil {
                    validate(member, additional, "\(path).\(name)", &errors)
                }
            }
        case .array(let items):
            if case .integer(let minimum)? = keywords["minItems"], items.count < minimum { errors.append("\(path): fewer than \(minimum) items") }
            if case .integer(let maximum)? = keywords["maxItems"], items.count > maximum { errors.append("\(path): more than \(maximum) items") }
            let prefix = keywords["prefixItems"]?.arrayValue ?? []
            for (index, item) in items.enumerated() {
                if index < prefix.count {
                    validate(item, prefix[index], "\(path)[\(index)]", &errors)
                } else if let schema = keywords["items"] {
                    validate(item, schema, "\(path)[\(index)]", &errors)
                }
            }
        case .integer, .number:
            let number: Double = if case .integer(let value) = value { Double(value) } else if case .number(let value) = value { value } else { 0 }
            if let minimum = keywords["minimum"].flatMap(Self.double), number < minimum { errors.append("\(path): \(number) < \(minimum)") }
            if let maximum = keywords["maximum"].flatMap(Self.double), number > maximum { errors.append("\(path): \(number) > \(maximum)") }
        case .string(let text):
            if case .integer(let minimum)? = keywords["minLength"], text.count < minimum { errors.append("\(path): shorter than \(minimum)") }
            if let pattern = keywords["pattern"]?.stringValue {
                if let regex = try? Regex(pattern) {
                    if !text.contains(regex) { errors.append("\(path): '\(text)' does not match \(pattern)") }
                } else {
                    errors.append("\(path): pattern \(pattern) does not compile")
                }
            }
        default:
            break
        }
    }

    func errorsFor(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
        var errors: [String] = []
        validate(value, schema, path, &errors)
        return errors
    }

    static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }
}
