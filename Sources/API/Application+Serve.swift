import HTTP
import Store

extension Application {
    /// Registers a GET route whose representation is cached per request target as sent (path and
    /// query in their order: the links echo that order, so two spellings are two bodies), the
    /// negotiated format and the public origin the links use.
    func resource(
        _ template: String, parameters allowed: [String], formats: [Format] = [.json],
        cacheControl: String = "public, max-age=60",
        _ build: @escaping @Sendable (RouteContext) throws -> Rendered
    ) {
        router.get(template) { [unowned self] request, parameters in
            try serve(request, parameters, allowed: allowed, formats: formats, cacheControl: cacheControl, build)
        }
    }

    func serve(
        _ request: HTTPRequest, _ parameters: Parameters, allowed: [String], formats: [Format], cacheControl: String,
        _ build: (RouteContext) throws -> Rendered
    ) throws -> HTTPResponse {
        let dataset = self.dataset
        // Keyed by what Accept negotiates to, not its text: a client varying Accept cannot
        // make every request a miss (nor evict what others use).
        let acceptedFormat = try? Format.negotiate(request, formatParameter: nil, available: formats)
        let key = ResponseCache.Key(
            target: request.target, accept: acceptedFormat?.rawValue ?? "none",
            scheme: request.context.scheme, host: request.context.host, prefix: request.context.prefix
        )
        if let entry = dataset.cache.get(key) {
            return Self.response(entry, request: request, cacheControl: cacheControl, cors: cors)
        }
        let base = request.context.absoluteURL("")
        let query = try QueryParameters(request, allowed: allowed)
        let format = try Format.negotiate(request, formatParameter: query["format"], available: formats)
        var representation = Representation(dataset: dataset, base: base)
        representation.reusesRecords = format == .json && !query.pretty
        let routeContext = RouteContext(request: request, parameters: parameters, query: query, representation: representation)
        let rendered = try build(routeContext)
        let body: [UInt8]
        switch format {
        case .json: body = try Self.bounded(rendered.json.serialized(pretty: query.pretty, limit: maxResponseBytes), limit: maxResponseBytes)
        case .csv: body = try Self.bounded(CSVEncoder.encode(rendered.csvRecords ?? [rendered.json], template: rendered.csvTemplate), limit: maxResponseBytes)
        default:
            body = try Self.bounded(
                rendered.encodings[format]?() ?? rendered.json.serialized(pretty: query.pretty, limit: maxResponseBytes), limit: maxResponseBytes
            )
        }
        // The calendar is one unpaged feed: no Link header for it.
        let entry = ResponseCache.Entry(
            body: body, etag: EntityTag.strong(for: body),
            contentType: format.mediaType, link: format == .ics ? nil : rendered.link
        )
        dataset.cache.put(key, entry)
        // Not prepared: most misses are never asked for again (the fields are prepared on the first hit).
        return Self.response(entry, request: request, cacheControl: cacheControl)
    }

    /// The body, unless it is missing (abandoned past the limit) or larger than the limit. JSON stops
    /// building at the limit; CSV, GeoJSON and iCalendar are pages or one feed of events, checked whole.
    static func bounded(_ body: [UInt8]?, limit: Int) throws(APIError) -> [UInt8] {
        guard let body, body.count <= limit else { throw .responseTooLarge(limit: limit) }
        return body
    }

    /// The cached representation in the content coding the request accepts (gzip or Brotli,
    /// made once per representation), with its own strong ETag; 304 when `If-None-Match` names it.
    ///
    /// With `cors` that allows every origin, a 200 carries its CORS fields already, serialised
    /// once per representation and form (``EncodedBodies``); ``respond(to:)`` leaves a response
    /// with prepared headers as it is. Without `cors` the fields are built for this response
    /// and decorated there.
    static func response(
        _ entry: ResponseCache.Entry, request: HTTPRequest, cacheControl: String, cors: CORSPolicy? = nil
    ) -> HTTPResponse {
        guard let coding = ContentCoding.negotiate(request.headers.list("accept-encoding")) else {
            return ProblemMapper.response(for: APIError.notAcceptableEncoding, request: request)
        }
        let form = entry.encoded.form(coding, of: entry.body, etag: entry.etag, contentType: entry.contentType)
        let etag = form?.etag ?? entry.etag
        let forwarded = request.context.linksFollowForwardedHeaders
        // If-Match first (RFC 9110 §13.2.2), with the strong comparison: a weak tag never matches.
        if let condition = request.headers.list("if-match"), !Self.matches(condition, etag: etag, weak: false) {
            return ProblemMapper.response(for: APIError.preconditionFailed(current: etag), request: request)
        }
        let sentCoding = form == nil ? ContentCoding.identity : coding
        let fields = { Self.headers(entry, coding: sentCoding, etag: etag, cacheControl: cacheControl, forwarded: forwarded) }
        if let condition = request.headers.list("if-none-match"), Self.matches(condition, etag: etag) {
            var headers = fields()
            headers.remove("Content-Type")
            return HTTPResponse(status: .notModified, headers: headers)
        }
        let body = form?.shared ?? entry.shared
        guard let cors, cors.allowsAny else {
            return HTTPResponse(status: .ok, headers: fields(), shared: body)
        }
        let variant = EncodedBodies.Variant(coding: sentCoding, forwarded: forwarded)
        let prepared = entry.encoded.prepared(variant, cacheControl: cacheControl) {
            var response = HTTPResponse(headers: fields())
            cors.decorate(&response, origin: nil)
            return response.headers
        }
        return HTTPResponse(status: .ok, prepared: prepared, shared: body)
    }

    /// A cached representation's fields: content type, coding, ETag, Cache-Control, Vary, Link.
    static func headers(
        _ entry: ResponseCache.Entry, coding: ContentCoding, etag: String, cacheControl: String, forwarded: Bool
    ) -> HTTPHeaders {
        var headers = HTTPHeaders()
        // The six here and the two CORS fields added later.
        headers.reserveCapacity(8)
        headers.add("Content-Type", entry.contentType)
        if coding != .identity { headers.add("Content-Encoding", coding.rawValue) }
        headers.add("ETag", etag)
        headers.add("Cache-Control", cacheControl)
        // A shared cache must key on every request header the representation depends on.
        headers.add("Vary", forwarded ? Self.varyWithForwarding : "Accept, Accept-Encoding")
        if let link = entry.link { headers.add("Link", link) }
        return headers
    }

    /// Links built from a trusted proxy's headers (no `publicUrl`) vary with them.
    /// Not X-Forwarded-For: no link depends on it, and it differs for every client, so a cache
    /// keying on it would never share an entry.
    static let varyWithForwarding =
        "Accept, Accept-Encoding, Host, Forwarded, X-Forwarded-Host, X-Forwarded-Proto, X-Forwarded-Prefix"

    /// `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored; `*` matches.
    /// `If-Match` uses the strong one: a `W/` tag matches nothing.
    static func matches(_ condition: String, etag: String, weak: Bool = true) -> Bool {
        for candidate in condition.split(separator: ",") {
            var tag = candidate.trimmingSpaces()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") {
                guard weak else { continue }
                tag = tag.dropFirst(2)
            }
            if tag == etag[...] { return true }
        }
        return false
    }
}
