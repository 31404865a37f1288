import HTTP

extension Application {
    /// `/` (index, or the explorer page for browsers), `/healthz`, `/readyz`.
    func registerServiceRoutes() {
        let index: @Sendable (RouteContext) throws -> Rendered = { [service] context in
            let dataset = context.representation.dataset
            let kb = context.knowledgeBase
            let url = context.representation.url
            return Rendered(json: .object([
                ("service", .string(service.name)), ("version", .string(service.version)),
                ("dataset", .object([
                    // Not when it was loaded: that differs between replicas of one dataset and
                    // would give the index a different ETag on each (it is in /readyz).
                    ("version", .string(dataset.version)),
                    ("articles", .int(kb.articles.count)), ("entities", .int(kb.entities.count)),
                    ("events", .int(kb.events.count)), ("proposals", .int(kb.proposals.count)),
                    ("mentions", .int(kb.mentions.count)),
                ])),
                ("links", .object([
                    ("self", .string(url("/"))), ("articles", .string(url("/articles"))),
                    ("entities", .string(url("/entities"))), ("events", .string(url("/events"))),
                    ("proposals", .string(url("/proposals"))), ("search", .string(url("/search?q={query}"))),
                    ("calendar", .string(url("/events.ics"))), ("openapi", .string(url("/openapi.json"))),
                    ("health", .string(url("/healthz"))), ("ready", .string(url("/readyz"))),
                    ("metrics", .string(url("/metrics"))),
                ])),
            ]))
        }
        router.get("/") { [unowned self] request, parameters in
            if let page = explorerPage(for: request) { return page }
            // Without the explorer, a browser (Accept: text/html) still gets the JSON index, as
            // RFC 9110 §12.5.1 allows, rather than a 406; other unmatched types get the 406.
            var request = request
            if let accept = request.headers.list("accept"), accept.lowercased().contains("text/html"),
               (try? Format.negotiate(request, formatParameter: nil, available: [.json])) == nil {
                request.headers.remove("accept")
            }
            return try serve(request, parameters, allowed: [], formats: [.json], cacheControl: "public, max-age=60", index)
        }
        let openAPI = Array((publicURL.map { OpenAPIDocument.json(serverURL: $0.description) } ?? OpenAPIDocument.json).utf8)
        let openAPITag = EntityTag.strong(for: openAPI)
        router.get("/openapi.json") { request, _ in
            Application.response(
                ResponseCache.Entry(body: openAPI, etag: openAPITag, contentType: "application/json", link: nil),
                request: request, cacheControl: "public, max-age=300"
            )
        }
        router.get("/healthz") { _, _ in
            HTTPResponse(contentType: "application/json", body: "{\"status\":\"ok\"}",
                         headers: ["Cache-Control": "no-store"])
        }
        router.get("/metrics") { [unowned self] _, _ in
            HTTPResponse(contentType: "text/plain; version=0.0.4; charset=utf-8", body: metrics.render(dataset: dataset),
                         headers: ["Cache-Control": "no-store"])
        }
        router.get("/readyz") { [unowned self] _, _ in
            let dataset = self.dataset
            if draining.load(ordering: .relaxed) {
                return HTTPResponse(status: .serviceUnavailable, contentType: "application/json",
                                    body: "{\"status\":\"draining\"}", headers: ["Cache-Control": "no-store"])
            }
            return HTTPResponse(contentType: "application/json",
                                body: "{\"status\":\"ready\",\"dataset\":\(JSONString.quote(dataset.version)),\"loadedAt\":\(JSONString.quote(dataset.loadedAt))}",
                                headers: ["Cache-Control": "no-store"])
        }
    }
}
