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
        // Arrays, not dictionaries: a node has a few children and a few methods, and hashing the
        // segment and the method cost more than comparing them (lengths first).
        var literal: [(segment: String, node: Node)] = []
        var parameter: (name: String, node: Node)?
        /// By `HTTPMethod.ordinal`.
        var handlers = [Handler?](repeating: nil, count: HTTPMethod.allCases.count)
        var template = ""

        func child(_ segment: String) -> Node? {
            let length = segment.utf8.count
            for entry in literal where entry.segment.utf8.count == length && entry.segment == segment {
                return entry.node
            }
            return nil
        }

        func handler(_ method: HTTPMethod) -> Handler? { handlers[method.ordinal] }

        var hasHandlers: Bool { handlers.contains { $0 != nil } }
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
                if let child = node.child(key) {
                    node = child
                } else {
                    let child = Node()
                    node.literal.append((key, child))
                    node = child
                }
            }
        }
        precondition(node.handler(method) == nil, "duplicate route \(method.rawValue) \(template)")
        node.handlers[method.ordinal] = handler
        node.template = template
    }

    public func get(_ template: String, _ handler: @escaping Handler) {
        add(.get, template, handler)
    }

    /// The result of looking a path up.
    public enum Match {
        case found(Handler, Parameters, template: String)
        case methodNotAllowed(allowed: [String], template: String)
        case notFound
    }

    public func match(_ method: HTTPMethod, segments: [String]) -> Match {
        var node = root
        var values: [(String, String)] = []
        for segment in segments {
            if let child = node.child(segment) {
                node = child
            } else if let parameter = node.parameter {
                values.append((parameter.name, segment))
                node = parameter.node
            } else {
                return .notFound
            }
        }
        guard node.hasHandlers else { return .notFound }
        let effective = method == .head && node.handler(.head) == nil ? HTTPMethod.get : method
        if let handler = node.handler(effective) {
            return .found(handler, Parameters(values), template: node.template)
        }
        return .methodNotAllowed(allowed: Self.allowed(node), template: node.template)
    }

    static func allowed(_ node: Node) -> [String] {
        var methods = Set(HTTPMethod.allCases.filter { node.handler($0) != nil }.map(\.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        methods.insert("OPTIONS")
        return methods.sorted()
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        dispatch(request)
    }

    /// A request no route takes is refused before its body: the 404 or 405 it would get anyway.
    public func refusesBody(_ request: HTTPRequest) -> HTTPResponse? {
        if case .found = match(request.method, segments: request.pathSegments) { return nil }
        return dispatch(request)
    }

    /// Answers `request`; the response's ``HTTPResponse/route`` says which template matched
    /// (nil when none did), so callers can count by route without matching twice.
    public func dispatch(_ request: HTTPRequest) -> HTTPResponse {
        switch match(request.method, segments: request.pathSegments) {
        case .found(let handler, let parameters, let template):
            var response: HTTPResponse
            do {
                response = try handler(request, parameters)
            } catch {
                response = errorResponder(error, request)
            }
            response.route = template
            return response
        case .methodNotAllowed(let allowed, let template):
            // The path is a route's: counted under it (by method), not as unmatched.
            var response: HTTPResponse
            if request.method == .options {
                response = HTTPResponse(status: .noContent, headers: ["Allow": allowed.joined(separator: ", ")])
            } else {
                response = errorResponder(Problem(
                    status: .methodNotAllowed,
                    detail: "\(request.methodName) is not allowed on \(request.path); allowed: \(allowed.joined(separator: ", ")).",
                    headers: ["Allow": allowed.joined(separator: ", ")]
                ), request)
            }
            response.route = template
            return response
        case .notFound:
            return errorResponder(Problem(status: .notFound, detail: "No resource at \(request.path)."), request)
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
