import HTTP
import Logging

/// The API's closed set of errors. Mapping to HTTP happens here and nowhere else.
public enum APIError: Error, Sendable {
    /// A query parameter this endpoint does not know.
    case unknownParameter(String, allowed: [String])
    /// A parameter with a value that cannot be used.
    case invalidParameter(String, value: String, reason: String)
    /// A parameter given more than once where only one value is allowed.
    case repeatedParameter(String)
    /// No record with this id in a collection.
    case notFound(collection: String, id: String)
    /// No entity has this id, name or alias (`/entities/resolve`).
    case unresolvedName(String)
    /// The client accepts none of the formats this resource can produce.
    case notAcceptable(available: [String])
    /// The client refuses identity and accepts neither gzip nor br (`Accept-Encoding`).
    case notAcceptableEncoding
    /// `If-Match` names no current representation (RFC 9110 §13.1.1).
    case preconditionFailed(current: String)
    /// The representation asked for would exceed `limits.maxResponseBytes`; it was not built.
    case responseTooLarge(limit: Int)

    /// A client's value as an error repeats it: at most 200 characters (a 1 KiB `q` came back
    /// twice, in the detail and the extension); the client has the rest.
    static func echoed(_ value: String) -> String {
        value.count <= 200 ? value : String(value.prefix(200)) + "…"
    }

    public var problem: Problem {
        switch self {
        case .unknownParameter(let name, let allowed):
            return Problem(
                status: .badRequest, title: "Unknown query parameter",
                detail: "Unknown query parameter '\(name)'. Allowed: \(allowed.joined(separator: ", ")).",
                type: "https://accord.example/problems/unknown-parameter",
                extensions: [("parameter", JSON.string(name).text), ("allowed", JSON.strings(allowed).text)]
            )
        case .invalidParameter(let name, let given, let reason):
            let value = Self.echoed(given)
            return Problem(
                status: .badRequest, title: "Invalid query parameter",
                detail: "Invalid value '\(value)' for '\(name)': \(reason)",
                type: "https://accord.example/problems/invalid-parameter",
                extensions: [("parameter", JSON.string(name).text), ("value", JSON.string(value).text)]
            )
        case .repeatedParameter(let name):
            return Problem(
                status: .badRequest, title: "Repeated query parameter",
                detail: "The query parameter '\(name)' takes one value; only list parameters may be repeated.",
                type: "https://accord.example/problems/invalid-parameter",
                extensions: [("parameter", JSON.string(name).text)]
            )
        case .notFound(let collection, let given):
            let id = Self.echoed(given)
            return Problem(
                status: .notFound, title: "Not found",
                detail: "No \(collection) with id '\(id)'.",
                type: "https://accord.example/problems/not-found",
                extensions: [("collection", JSON.string(collection).text), ("id", JSON.string(id).text)]
            )
        case .unresolvedName(let given):
            let name = Self.echoed(given)
            return Problem(
                status: .notFound, title: "Not found",
                detail: "No entity has the id, name or alias '\(name)'.",
                type: "https://accord.example/problems/not-found",
                extensions: [("collection", JSON.string("entity").text), ("id", JSON.string(name).text)]
            )
        case .notAcceptable(let available):
            return Problem(
                status: .notAcceptable, title: "Not acceptable",
                detail: "This resource is available as: \(available.joined(separator: ", ")).",
                type: "https://accord.example/problems/not-acceptable",
                extensions: [("available", JSON.strings(available).text)]
            )
        case .notAcceptableEncoding:
            return Problem(
                status: .notAcceptable, title: "Not acceptable",
                detail: "Accept-Encoding refuses identity; this resource is available as br, gzip or identity.",
                type: "https://accord.example/problems/not-acceptable",
                extensions: [("available", JSON.strings(["br", "gzip", "identity"]).text)]
            )
        case .preconditionFailed(let current):
            return Problem(
                status: .preconditionFailed, title: "Precondition failed",
                detail: "If-Match names no current representation; the current ETag is \(current).",
                type: "https://accord.example/problems/precondition-failed",
                extensions: [("etag", JSON.string(current).text)]
            )
        case .responseTooLarge(let limit):
            return Problem(
                status: .unprocessableContent, title: "Response too large",
                detail: "This representation would exceed \(limit) bytes (limits.maxResponseBytes). Ask for less: a smaller limit, fewer include values, or a narrower filter.",
                type: "https://accord.example/problems/response-too-large",
                extensions: [("limit", JSON.int(limit).text)]
            )
        }
    }
}

extension JSON {
    /// Compact serialisation as a String (for problem extensions).
    var text: String { String(decoding: serialized(), as: UTF8.self) }
}

enum ProblemMapper {
    /// The one place errors become responses: API errors and problems keep their status;
    /// anything else is a 500 that reveals nothing.
    /// The 500 is logged at error level with the request id, path and error: the client learns
    /// nothing, the operator everything.
    static func response(for error: any Error, request: HTTPRequest, logger: Logger? = nil) -> HTTPResponse {
        if let apiError = error as? APIError { return apiError.problem.response(requestID: request.context.requestID) }
        if let problem = error as? Problem { return problem.response(requestID: request.context.requestID) }
        logger?.error("request failed", metadata: [
            "requestId": "\(request.context.requestID)", "path": "\(request.path)", "error": "\(String(reflecting: error))",
        ])
        return Problem(status: .internalServerError, detail: "The server failed to answer this request.")
            .response(requestID: request.context.requestID)
    }
}
