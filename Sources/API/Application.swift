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
