import HTTP
import Locking
import Logging
import Store
import Synchronization

/// Accord's HTTP responder: routes, formats, caching and CORS over the current dataset.
///
/// Thread contract: called concurrently from every event loop. The dataset is swapped
/// atomically on reload (``replace(dataset:)``); each request reads it once and keeps it.
public final class Application: HTTPResponder {
    let router: Router
    let current: Locked<Dataset>
    let cors: CORSPolicy
    /// The web explorer's files (`/` for browsers, `/explorer/{file}`); nil: JSON only.
    let web: StaticFiles?
    public let service: ServiceInfo
    /// The configured `publicUrl` (OpenAPI `servers`); links use it through the request context.
    let publicURL: PublicURL?
    /// `limits.maxResponseBytes`: no representation larger than this is built.
    let maxResponseBytes: Int
    public static let defaultMaxResponseBytes = 32 << 20
    /// Set while the server drains: `/readyz` answers 503.
    let draining = Atomic<Bool>(false)
    public let metrics = Metrics()

    /// Where a 500 is logged (with the request id, path and error), so a failure is never silent.
    let logger: Logger

    public init(
        dataset: Dataset, cors: CORSPolicy = CORSPolicy(), service: ServiceInfo = ServiceInfo(), web: StaticFiles? = nil,
        publicURL: PublicURL? = nil, maxResponseBytes: Int = Application.defaultMaxResponseBytes, logger: Logger = Logger(label: "accord.api")
    ) {
        self.logger = logger
        self.maxResponseBytes = maxResponseBytes
        self.current = Locked(dataset)
        self.publicURL = publicURL
        self.cors = cors
        self.web = publicURL.flatMap { url in web.map { $0.pointing(at: url) } } ?? web
        self.service = service
        self.router = Router(errorResponder: { [logger] error, request in ProblemMapper.response(for: error, request: request, logger: logger) })
        registerRoutes()
    }

    public var dataset: Dataset { current.withLock { $0 } }

    /// Swaps in a freshly loaded dataset; requests already running finish on the old one.
    public func replace(dataset: Dataset) {
        current.withLock { $0 = dataset }
    }

    public func beginDraining() {
        draining.store(true, ordering: .relaxed)
    }

    /// With `*` the CORS headers go on; with a list of origins, `Vary: Origin` and the origin
    /// when the request's header section was read and names an allowed one.
    public func decorate(rejection response: inout HTTPResponse, origin: String?) {
        cors.decorate(&response, origin: origin)
    }

    /// Counted by status (`accord_requests_rejected_total`): no route answered it.
    public func rejected(with response: HTTPResponse) {
        metrics.recordRejection(status: response.status)
    }

    public func refusesBody(_ request: HTTPRequest) -> HTTPResponse? {
        guard var response = router.refusesBody(request) else { return nil }
        cors.decorate(&response, origin: request.headers["origin"])
        return response
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let origin = request.headers["origin"]
        if Self.isPreflight(request), let origin {
            return cors.preflight(origin: origin, requestedHeaders: request.headers.list("access-control-request-headers"))
        }
        // One URL per resource: "/metrics/", "//metrics" and "/%6detrics" are "/metrics", which a
        // proxy that blocks the one path would otherwise pass (and a cache would key twice). Only
        // to a route that answers: anything else is the 404 it was.
        if let canonical = Self.canonicalPath(of: request), case .found = router.match(request.method, segments: request.pathSegments) {
            var response = Self.redirect(to: request.context.absoluteURL(canonical))
            cors.decorate(&response, origin: origin)
            return response
        }
        var response = router.dispatch(request)
        // Prepared headers were decorated when they were prepared (``Application/response(_:request:cacheControl:cors:)``).
        if response.preparedHeaders == nil { cors.decorate(&response, origin: origin) }
        return response
    }

    /// Counts the request by route, method and status, with the time the engine measured.
    /// A CORS preflight is not counted: no route answers it.
    public func responded(to request: HTTPRequest, with response: HTTPResponse, nanoseconds: UInt64) {
        guard !Self.isPreflight(request) else { return }
        metrics.record(route: response.route, method: request.method, response: response, seconds: Double(nanoseconds) / 1e9)
    }

    /// The path and query to redirect to when the request's path is not written the one way
    /// (RFC 3986 §6.2.2): no empty segment ("//events", "/events/"), and no percent-escape of an
    /// unreserved character ("/%6detrics", "/entities/volodymyr%2Dzelensky"); nil when it is.
    /// The query is kept as sent.
    static func canonicalPath(of request: HTTPRequest) -> String? {
        guard request.path != "*", !request.pathSegments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        var target = Substring(request.target)
        // An absolute-form target's path starts after its authority.
        if target.first != "/", let colon = target.firstIndex(of: ":"), target[colon...].hasPrefix("://") {
            target = target[target.index(colon, offsetBy: 3)...]
            target = target[(target.firstIndex { $0 == "/" || $0 == "?" } ?? target.endIndex)...]
        }
        let question = target.firstIndex(of: "?") ?? target.endIndex
        let rawPath = Array(target[..<question].utf8)
        let emptySegment = rawPath.count > 1 && (rawPath.last == UInt8(ascii: "/") || zip(rawPath, rawPath.dropFirst()).contains { $0 == UInt8(ascii: "/") && $1 == UInt8(ascii: "/") })
        var escapedUnreserved = false
        var index = 0
        while index + 2 < rawPath.count, !escapedUnreserved {
            if rawPath[index] == UInt8(ascii: "%"), let byte = UInt8(String(decoding: rawPath[(index + 1)...(index + 2)], as: UTF8.self), radix: 16),
               URLEncoding.isUnreserved(byte) {
                escapedUnreserved = true
            }
            index += 1
        }
        guard emptySegment || escapedUnreserved else { return nil }
        let path = "/" + request.pathSegments.map(URLEncoding.encode).joined(separator: "/")
        return path + target[question...]
    }

    /// A 308 to `location`: the method and body are kept, and the client learns the one URL.
    static func redirect(to location: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Location", location)
        // Its Location is built from Host and the forwarded fields: no shared cache keeps it.
        headers.add("Cache-Control", "no-store")
        var response = HTTPResponse(status: .permanentRedirect, contentType: "text/plain; charset=utf-8", body: "Moved to \(location)\n", headers: headers)
        response.route = "redirect"
        return response
    }

    /// An `OPTIONS` a browser sends before a cross-origin request, answered by the CORS policy.
    static func isPreflight(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headers["origin"] != nil && request.headers["access-control-request-method"] != nil
    }

    func registerRoutes() {
        registerServiceRoutes()
        registerArticleRoutes()
        registerEntityRoutes()
        registerEventRoutes()
        registerProposalRoutes()
        registerSearchRoutes()
        registerExplorerRoutes()
    }
}

/// Name and version shown by `GET /`.
public struct ServiceInfo: Sendable {
    public var name = "accord"
    public var version = "0.1.0"
    public init() {}
}
