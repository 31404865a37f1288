import HTTP

extension Application {
    /// Explorer pages are revalidated on every use (`If-None-Match` → 304): they have no
    /// versioned names, and a page must never run with a stale module beside a fresh one.
    static let explorerCacheControl = "no-cache"

    /// Headers for every explorer file; the page gets a CSP that allows scripts, styles and
    /// images only from Accord, and API calls to any origin (`?api=` may point elsewhere).
    static let explorerHeaders: [(String, String)] = [("X-Content-Type-Options", "nosniff")]
    static let explorerPageHeaders: [(String, String)] = [
        ("Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src *; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("Referrer-Policy", "no-referrer"),
    ]

    /// `/explorer/{file}`: the explorer's assets, by exact allow-listed name. Anything else is a
    /// 404 (dot segments give extra path segments, so `/explorer/../x` does not even match).
    func registerExplorerRoutes() {
        router.get("/explorer/{file}") { [web] request, parameters in
            let name = parameters["file"] ?? ""
            guard let web, let entry = web.asset(named: name) else {
                throw APIError.notFound(collection: "explorer file", id: name)
            }
            var response = Application.response(entry, request: request, cacheControl: Self.explorerCacheControl)
            for (field, value) in Self.explorerHeaders { response.headers.set(field, value) }
            return response
        }
    }

    /// The explorer page for `/`, when it is installed and the client ranks `text/html` above
    /// `application/json` (browsers); otherwise nil and `/` answers with the JSON index.
    /// `?format=` always means the JSON index; other query parameters are the page's own (`?api=`).
    func explorerPage(for request: HTTPRequest) -> HTTPResponse? {
        guard let page = web?.page, request.queryValue("format") == nil,
              Self.prefersHTML(accept: request.headers.list("accept")) else { return nil }
        var response = Application.response(page, request: request, cacheControl: Self.explorerCacheControl)
        for (field, value) in Self.explorerHeaders + Self.explorerPageHeaders { response.headers.set(field, value) }
        return response
    }

    /// True when `Accept` names HTML explicitly (`text/html` or `text/*`) and gives it a higher
    /// quality than JSON gets (RFC 9110 §12.5.1: the most specific matching range sets each
    /// type's quality). `*/*` alone, a tie, or no `Accept` keep JSON, the API's default.
    static func prefersHTML(accept: String?) -> Bool {
        guard let accept, !accept.isEmpty else { return false }
        let ranges = AcceptRanges(accept)
        let html = ranges.quality(of: ["text/html"])
        let json = ranges.quality(of: ["application/json"])
        return html.specificity >= 2 && html.quality > 0 && html.quality > json.quality
    }
}
