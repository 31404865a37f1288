/// Routes requests by method and path template (`/events/{id}`) to handlers.
///
/// Static segments win over parameters. HEAD is served by the GET handler (the engine drops
/// the body). OPTIONS on a known path answers 204 with `Allow` unless a handler is registered.
/// A known path with a method no route allows gets 405 with `Allow`; an unknown path 404.
/// Every error a handler throws goes through one place, `errorResponder`.
public struct Router: HTTPResponder {
    public typealias Handler = @Sendable (HTTPRequest, Parameters) throws -> HTTPResponse
    public typealias ErrorResponder = @Sendable (any Error, HTTPRequest) -> HTTPResponse

    final class Node: @unchecked Sendable {
        // @unchecked Sendable: nodes are only mutated while routes are registered, before the
        // router is handed to the server; afterwards they are read-only.
        var literal: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var handlers: [HTTPMethod: Handler] = [:]
        var template = ""
    }

    let root = Node()
    let errorResponder: ErrorResponder

    public init(errorResponder: @escaping ErrorResponder = Router.defaultErrorResponder) {
        self.errorResponder = errorResponder
    }

    /// Registers `handler`; registering the same method and template twice is a programming error.
    public func add(_ method: HTTPMethod, _ template: String, _ handler: @escaping Handler) {
        var node = root
        for segment in template.split(separator: "/") {
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                if let existing = node.parameter {
                    precondition(existing.name == name, "conflicting parameter names at \(template)")
                    node = existing.node
                } else {
                    let child = Node()
                    node.parameter = (name, child)
                    node = child
                }
            } else {
                let key = String(segment)
                if let child = node.literal[key] {
                    node = child
                } else {
                    let child = Node()
                    node.literal[key] = child
                    node = child
                }
            }
        }
        precondition(node.handlers[method] == nil, "duplicate route \(method.rawValue) \(template)")
        node.handlers[method] = handler
        node.template = template
    }

    public func get(_ template: String, _ handler: @escaping Handler) {
        add(.get, template, handler)
    }

    /// The result of looking a path up.
    public enum Match {
        case found(Handler, Parameters, template: String)
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    public func match(_ method: HTTPMethod, segments: [String]) -> Match {
        var node = root
        var values: [(String, String)] = []
        for segment in segments {
            if let child = node.literal[segment] {
                node = child
            } else if let parameter = node.parameter {
                values.append((parameter.name, segment))
                node = parameter.node
            } else {
                return .notFound
            }
        }
        guard !node.handlers.isEmpty else { return .notFound }
        let effective = method == .head && node.handlers[.head] == nil ? HTTPMethod.get : method
        if let handler = node.handlers[effective] {
            return .found(handler, Parameters(values), template: node.template)
        }
        return .methodNotAllowed(allowed: Self.allowed(node))
    }

    static func allowed(_ node: Node) -> [String] {
        var methods = Set(node.handlers.keys.map(\.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        methods.insert("OPTIONS")
        return methods.sorted()
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        dispatch(request).response
    }

    /// A request no route takes is refused before its body: the 404 or 405 it would get anyway.
    public func refusesBody(_ request: HTTPRequest) -> HTTPResponse? {
        if case .found = match(request.method, segments: request.pathSegments) { return nil }
        return dispatch(request).response
    }

    /// Answers `request` and says which template matched (nil when none did), so callers can
    /// count by route without matching twice.
    public func dispatch(_ request: HTTPRequest) -> (response: HTTPResponse, template: String?) {
        switch match(request.method, segments: request.pathSegments) {
        case .found(let handler, let parameters, let template):
            do {
                return (try handler(request, parameters), template)
            } catch {
                return (errorResponder(error, request), template)
            }
        case .methodNotAllowed(let allowed):
            if request.method == .options {
                return (HTTPResponse(status: .noContent, headers: ["Allow": allowed.joined(separator: ", ")]), nil)
            }
            let problem = Problem(
                status: .methodNotAllowed,
                detail: "\(request.method.rawValue) is not allowed on \(request.path); allowed: \(allowed.joined(separator: ", ")).",
                headers: ["Allow": allowed.joined(separator: ", ")]
            )
            return (errorResponder(problem, request), nil)
        case .notFound:
            return (errorResponder(Problem(status: .notFound, detail: "No resource at \(request.path)."), request), nil)
        }
    }

    /// Problems become their response; anything else is a 500 that reveals nothing.
    public static let defaultErrorResponder: ErrorResponder = { error, request in
        if let problem = error as? Problem { return problem.response(requestID: request.context.requestID) }
        return Problem(status: .internalServerError, detail: "The server failed to answer this request.")
            .response(requestID: request.context.requestID)
    }
}

/// Values of the `{name}` segments of a matched template.
public struct Parameters: Sendable {
    let values: [(String, String)]
    init(_ values: [(String, String)]) { self.values = values }
    public subscript(name: String) -> String? { values.first { $0.0 == name }?.1 }
}
