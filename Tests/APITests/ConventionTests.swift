import API
import Foundation
import HTTP
import Testing
import TestSupport

@Suite("API conventions over real sockets", .serialized)
struct ConventionTests {
    @Test(arguments: [
        ("/events?stauts=held", 400, "stauts"), ("/events?status=maybe", 400, "status"),
        ("/events?limit=0", 400, "limit"), ("/events?limit=1001", 400, "limit"), ("/events?offset=-1", 400, "offset"),
        ("/events?limit=%2B5", 400, "limit"), ("/events?pretty=maybe", 400, "pretty"), ("/events?pretty&pretty=1", 400, "pretty"),
        ("/events?from=2025-13-01", 400, "from"), ("/events?from=2025-1-1", 400, "from"), ("/events?to=2025-09-1", 400, "to"), ("/events?from=2025-09-01&to=2025-08-01", 400, "to"),
        ("/events?sort=title", 400, "sort"), ("/events?limit=5&limit=6", 400, "limit"),
        ("/events?format=csv&format=json", 400, "format"),
        ("/entities?type=planet", 400, "type"), ("/events?format=xml", 400, "format"),
        ("/events?status=held,,scheduled", 400, "status"), ("/events?status=,", 400, "status"),
        ("/events?status=held,%20", 400, "status"), ("/events?kind=summit,", 400, "kind"),
        ("/events?status=held,maybe", 400, "status"), ("/events?status=held&status=,scheduled", 400, "status"),
    ])
    func badParametersAre400NamingTheParameter(_ target: String, _ status: Int, _ parameter: String) throws {
        let (server, _) = try startAccord()
        let response = try server.client().get(target)
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Cache-Control") == "no-store", "an error names its request: no cache keeps it")
        let problem = try response.json()
        #expect(problem["parameter"] as? String == parameter)
        #expect(problem["status"] as? Int == status)
        #expect((problem["detail"] as? String)?.contains(parameter) == true)
    }

    @Test func unknownParametersListTheAllowedOnes() throws {
        let (server, _) = try startAccord()
        let problem = try server.client().get("/events?colour=red").json()
        let allowed = try #require(problem["allowed"] as? [String])
        #expect(allowed.contains("participant") && allowed.contains("limit"))
    }

    @Test(arguments: ["/events/nope", "/entities/nope", "/proposals/nope", "/articles/nope", "/entities/nope/events"])
    func unknownIDsAre404NamingTheID(_ target: String) throws {
        let (server, _) = try startAccord()
        let response = try server.client().get(target)
        #expect(response.status == 404)
        #expect(try response.json()["id"] as? String == "nope")
    }

    /// One URL per resource (RFC 3986 §6.2.2): an empty segment or a percent-escaped unreserved
    /// character is answered with a 308 to the one spelling, the query kept, so a proxy that
    /// refuses "/metrics" cannot be passed by "/metrics/", "//metrics" or "/%6detrics".
    @Test(arguments: [
        ("/metrics/", "/metrics"), ("//metrics", "/metrics"), ("/%6detrics", "/metrics"), ("/events/", "/events"),
        ("/events//white-house-meeting-2025-08-18", "/events/white-house-meeting-2025-08-18"),
        ("/entities/volodymyr%2Dzelensky?pretty", "/entities/volodymyr-zelensky?pretty"),
        ("/events/?status=held&limit=2", "/events?status=held&limit=2"),
    ])
    func aPathWrittenAnotherWayIsRedirectedToItsOneURL(_ target: String, _ canonical: String) throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let response = try client.get(target)
        #expect(response.status == 308, "\(target)")
        let location = try #require(response.header("Location"))
        #expect(location.hasSuffix(canonical) && location.hasPrefix("http://"), "\(location)")
        // The one URL answers, and is not redirected again.
        #expect(try client.get(canonical).status == 200)
        // A reserved character's escape is part of the name, not another spelling; a path no
        // route answers, or a dot segment, is the 404 it was: no redirect.
        for missing in ["/entities/a%2Fb", "/nothing/", "/explorer/%2e%2e"] { #expect(try client.get(missing).status == 404, "\(missing)") }
    }

    /// A long query keeps the response's head inside a proxy's 4 KiB header buffer: the Link
    /// header has a budget (the relations that fit, in order), the body's links have them all.
    @Test func aLongQueryKeepsTheResponseHeadSmall() throws {
        let (server, _) = try startAccord()
        let query = Array(repeating: "status=held,scheduled", count: 60).joined(separator: "&")
        let response = try server.client().get("/events?limit=1&\(query)")
        #expect(response.status == 200)
        let head = response.headers.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 }
        #expect(head < 4_096, "head of \(head) bytes")
        let link = try #require(response.header("Link"), "the relations that fit are still sent")
        #expect(link.utf8.count <= 2_048 && link.contains("rel=\"next\""))
        let links = try #require(try response.json()["links"] as? [String: Any])
        #expect(links["next"] is String, "the body keeps every relation")
        // A short query keeps all four relations.
        let short = try server.client().get("/events?limit=1&offset=1")
        #expect(["next", "prev", "first", "last"].allSatisfy { short.header("Link")?.contains("rel=\"\($0)\"") == true })
    }

    @Test func unknownPathsAre404AndWrongMethodsAre405() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        #expect(try client.get("/nothing/here").status == 404)
        try client.send("DELETE /events HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(try client.get("/events").status == 200)
        // CONNECT asks for a tunnel, which an origin server does not implement: 501 (RFC 9110 §9.3.6).
        try client.send("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n")
        let tunnel = try client.readResponse()
        #expect(tunnel.status == 501 && tunnel.header("Content-Type") == "application/problem+json")
        #expect(try client.get("/events").status == 200, "the connection goes on")
    }

    @Test(arguments: ["/articles", "/entities", "/events", "/proposals", "/search?q=ukraine"])
    func pagingThroughEveryCollectionYieldsEachRecordOnce(_ start: String) throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        var seen: [String] = []
        var next: String? = start + (start.contains("?") ? "&" : "?") + "limit=3"
        var total = -1
        var pages = 0
        while let url = next, pages < 100 {
            let target = url.replacingOccurrences(of: "http://accord.test", with: "")
            let response = try client.get(target)
            #expect(response.status == 200)
            let page = try response.json()
            total = page.meta["total"] as? Int ?? -1
            seen += page.data.map { "\($0["type"] ?? "")/\($0["id"] ?? "")" }
            next = page.links["next"] as? String
            if next != nil { #expect(response.header("Link")?.contains("rel=\"next\"") == true) }
            pages += 1
        }
        #expect(seen.count == total)
        #expect(Set(seen).count == seen.count)
    }

    /// A CSV reader binds columns by the header: a filter that matches nothing, or a page past
    /// the end, gets the same header as a full page and no rows.
    @Test(arguments: [
        ("/events?format=csv&limit=1", "/events?format=csv&q=zzzqqqxx"),
        ("/events?format=csv&limit=1", "/events?format=csv&offset=1000"),
        ("/articles?format=csv&limit=1", "/articles?format=csv&q=zzzqqqxx"),
        ("/entities?format=csv&limit=1", "/entities?format=csv&type=person&q=zzzqqqxx"),
        ("/proposals?format=csv&limit=1", "/proposals?format=csv&offset=1000"),
        // A page of several records has the header an empty page gets from one.
        ("/events?format=csv&limit=7&offset=3", "/events?format=csv&q=zzzqqqxx"),
        // Sub-collections: an entity no article mentions, pages past the end.
        ("/entities/volodymyr-zelensky/mentions?format=csv&limit=3", "/entities/djibouti/mentions?format=csv"),
        ("/events/alaska-summit-2025-08-15/evidence?format=csv&limit=2", "/events/alaska-summit-2025-08-15/evidence?format=csv&offset=1000"),
        ("/proposals/multinational-reassurance-contingent/positions?format=csv&limit=2",
         "/proposals/multinational-reassurance-contingent/positions?format=csv&offset=1000"),
    ])
    func anEmptyCSVPageHasTheFullHeader(_ full: String, _ empty: String) throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let header = try client.get(full).text.components(separatedBy: "\r\n")[0]
        #expect(header.split(separator: ",").count >= 3, "a header of the list's columns: \(header)")
        let response = try client.get(empty)
        #expect(response.status == 200)
        #expect(response.text == header + "\r\n", "the header, and no rows")
    }

    @Test func formatsFollowAcceptAndFormat() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let csv = try client.get("/events?limit=100", headers: ["Accept": "text/csv"])
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        let rows = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("id,title,kind,status") == true)
        #expect(rows.count == shippedDataset.knowledgeBase.events.count + 1, "a header and one row per event")
        #expect(try client.get("/entities?format=csv").header("Content-Type") == "text/csv; charset=utf-8")

        let geo = try client.get("/events?format=geojson&limit=100")
        #expect(geo.header("Content-Type") == "application/geo+json")
        let collection = try geo.json()
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = (collection["features"] as? [[String: Any]]) ?? []
        let whiteHouse = try #require(features.first { $0["id"] as? String == "white-house-meeting-2025-08-18" })
        let coordinates = try #require((whiteHouse["geometry"] as? [String: Any])?["coordinates"] as? [Double])
        #expect(coordinates[0] < -70 && coordinates[0] > -80, "longitude first")
        #expect(coordinates[1] > 35 && coordinates[1] < 45)

        let calendar = try client.get("/events.ics")
        #expect(calendar.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(calendar.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(calendar.text.contains("UID:white-house-meeting-2025-08-18@accord"))
        #expect(calendar.text.contains("STATUS:CONFIRMED") && calendar.text.contains("STATUS:TENTATIVE"))
        #expect(calendar.text.contains("DTSTART;VALUE=DATE:20250818"))
        #expect(try client.get("/events", headers: ["Accept": "text/calendar"]).header("Content-Type") == "text/calendar; charset=utf-8")
        // /events in any format is the page asked for; /events.ics is the whole feed.
        let paged = try client.get("/events?format=ics&limit=2").text
        #expect(paged.components(separatedBy: "BEGIN:VEVENT").count - 1 <= 2)
        #expect(calendar.text.components(separatedBy: "BEGIN:VEVENT").count - 1 > 2)
        #expect(!calendar.text.contains("BEGIN:VTIMEZONE"), "a calendar with events has no stand-in component")
        // A calendar needs one component (RFC 5545 §3.6): with no event left, the UTC time zone.
        for empty in ["/events.ics?participant=jd-vance&status=cancelled", "/events?format=ics&offset=10000"] {
            let lines = try client.get(empty).text.components(separatedBy: "\r\n")
            #expect(!lines.contains("BEGIN:VEVENT"), "\(empty)")
            #expect(lines.firstIndex(of: "BEGIN:VTIMEZONE").map { lines[$0...].prefix(3) } == ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD"], "\(empty)")
            #expect(lines.suffix(2) == ["END:VCALENDAR", ""], "\(empty)")
        }

        let refused = try client.get("/events", headers: ["Accept": "image/png"])
        #expect(refused.status == 406)
        #expect(try client.get("/events", headers: ["Accept": "text/html;q=0.9, application/json;q=0.8"]).header("Content-Type") == "application/json")
        // The most specific range sets a type's quality (RFC 9110 §12.5.1): JSON refused by name
        // is not taken back by */*, which leaves the next format; refused alone, nothing is left.
        #expect(try client.get("/events", headers: ["Accept": "application/json;q=0, */*"]).header("Content-Type") == "text/csv; charset=utf-8")
        #expect(try client.get("/events", headers: ["Accept": "application/json;q=0"]).status == 406)
        // A field of empty elements is no field (RFC 9110 §5.6.1.2): the default, not a 406.
        #expect(try client.get("/events", headers: ["Accept": " , ,"]).header("Content-Type") == "application/json")
        #expect(try client.get("/events", headers: ["Accept": "text/*;q=0.2, text/csv;q=0, */*;q=0.1"]).header("Content-Type") == "text/calendar; charset=utf-8")
        let pretty = try client.get("/events/white-house-meeting-2025-08-18?pretty")
        #expect(pretty.text.contains("\n  \"id\""))
    }

    @Test func etagsAreStrongStableAcrossReplicasAndRevalidate() throws {
        let (server, _) = try startAccord()
        let (replica, _) = try startAccord()
        let client = try server.client()
        let first = try client.get("/events")
        let etag = try #require(first.header("ETag"))
        #expect(etag == EntityTag.strong(for: first.body) && !etag.hasPrefix("W/"))
        #expect(first.header("Cache-Control")?.contains("max-age") == true)
        #expect(first.header("Vary") == "Accept, Accept-Encoding")
        #expect(try replica.client().get("/events").header("ETag") == etag)
        // The index too: it says which dataset is loaded, not when this replica loaded it.
        #expect(try replica.client().get("/").header("ETag") == client.get("/").header("ETag"))
        let revalidated = try client.get("/events", headers: ["If-None-Match": etag])
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.header("ETag") == etag)
        #expect(try client.get("/events", headers: ["If-None-Match": "\"other\", W/\(etag)"]).status == 304)
        #expect(try client.get("/events", headers: ["If-None-Match": "\"other\""]).status == 200)
        #expect(try client.get("/events?format=csv").header("ETag") != etag)
    }

    @Test func corsAllowsConfiguredOriginsAndAnswersPreflight() throws {
        let (open, _) = try startAccord()
        let client = try open.client()
        let simple = try client.get("/events", headers: ["Origin": "https://app.example"])
        #expect(simple.header("Access-Control-Allow-Origin") == "*")
        #expect(simple.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
        #expect(simple.header("Access-Control-Expose-Headers")?.contains("Link") == true)
        #expect(simple.header("Access-Control-Expose-Headers")?.contains("X-Request-ID") == true)
        // Sent without Origin too, so a cached same-origin response also serves cross-origin pages.
        #expect(try client.get("/events").header("Access-Control-Allow-Origin") == "*")
        let preflight = try client.get("/events", headers: ["Origin": "https://app.example", "Access-Control-Request-Method": "GET"], method: "OPTIONS")
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Methods")?.contains("GET") == true)

        let (closed, _) = try startAccord(cors: CORSPolicy(allowedOrigins: ["https://good.example"]))
        let other = try closed.client()
        #expect(try other.get("/events", headers: ["Origin": "https://good.example"]).header("Access-Control-Allow-Origin") == "https://good.example")
        let denied = try other.get("/events", headers: ["Origin": "https://evil.example"])
        #expect(denied.header("Access-Control-Allow-Origin") == nil)
        #expect(denied.header("Vary")?.contains("Origin") == true)
    }

    /// Generated clients send `explode: true` arrays as repeated keys: the same answer as a comma list.
    @Test func listParametersAcceptRepeatedKeysAndCommaLists() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let comma = try client.json("/events?status=held,scheduled&limit=100").ids
        let repeated = try client.json("/events?status=held&status=scheduled&limit=100").ids
        let mixed = try client.json("/events?status=held&status=scheduled,held&limit=100").ids
        #expect(!comma.isEmpty && comma == repeated && comma == mixed)
        #expect(try client.json("/events?kind=summit&kind=phone-call&limit=100").ids
            == client.json("/events?kind=summit,phone-call&limit=100").ids)
        // Spaces around items are trimmed and a repeated item counts once.
        let spaced = try client.json("/events?status=%20held%20,%20%20scheduled%20,held&limit=100").ids
        #expect(spaced == comma)
        #expect(try client.json("/events?status=held,held&limit=100").ids == client.json("/events?status=held&limit=100").ids)
    }

    /// The preflight grants the requested headers that are allowed, tracing ones by default.
    @Test func preflightReflectsAllowedRequestHeaders() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let asked = "traceparent, tracestate, baggage, sentry-trace, cache-control, x-secret"
        let preflight = try client.get("/events", headers: [
            "Origin": "https://app.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": asked,
        ], method: "OPTIONS")
        #expect(preflight.status == 204)
        let granted = Set((preflight.header("Access-Control-Allow-Headers") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(granted == ["traceparent", "tracestate", "baggage", "sentry-trace", "cache-control"])
        #expect(preflight.header("Vary")?.contains("Access-Control-Request-Headers") == true)
        let (narrow, _) = try startAccord(cors: CORSPolicy(allowedOrigins: ["*"], allowedHeaders: ["Accept"]))
        let other = try narrow.client().get("/events", headers: [
            "Origin": "https://app.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "traceparent",
        ], method: "OPTIONS")
        #expect(other.header("Access-Control-Allow-Headers") == nil)
    }

    @Test func conditionalRequestsFollowRFC9110() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let first = try client.get("/events")
        let etag = try #require(first.header("ETag"))
        let notModified = try client.get("/events", headers: ["If-None-Match": etag])
        #expect(notModified.status == 304 && notModified.header("Content-Type") == nil && notModified.header("ETag") == etag)
        #expect(try client.get("/events", headers: ["If-Match": etag]).status == 200)
        #expect(try client.get("/events", headers: ["If-Match": "*"]).status == 200)
        let failed = try client.get("/events", headers: ["If-Match": "\"nope\""])
        #expect(failed.status == 412 && failed.header("Content-Type") == "application/problem+json")
        // If-Match compares strongly: a weak tag never matches.
        #expect(try client.get("/events", headers: ["If-Match": "W/" + etag]).status == 412)
    }

    /// A list-based field sent on several lines is one list (RFC 9110 §5.3), as a client that
    /// adds a line per value (Go's `Header.Add`) or a proxy that appends one sends it.
    @Test func listFieldsOnSeveralLinesAreOneList() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let etag = try #require(try client.get("/events").header("ETag"))
        func raw(_ fields: String) throws -> RawClient.Response {
            try client.send("GET /events HTTP/1.1\r\nHost: accord.test\r\n\(fields)\r\n")
            return try client.readResponse()
        }
        #expect(try raw("If-None-Match: \"x\"\r\nIf-None-Match: \(etag)\r\n").status == 304)
        #expect(try raw("If-Match: \"x\"\r\nIf-Match: \(etag)\r\n").status == 200)
        #expect(try raw("If-Match: \"x\"\r\nIf-Match: \"y\"\r\n").status == 412)
        #expect(try raw("Accept: application/xml\r\nAccept: text/csv\r\n").header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(try raw("Accept-Encoding: identity\r\nAccept-Encoding: gzip\r\n").header("Content-Encoding") == "gzip")
    }

    /// A method the client chooses is never a 5xx: 405 with Allow on a known path, 404 elsewhere.
    /// The detail names the method as sent (methods are case-sensitive: "get" is not GET).
    @Test(arguments: ["QUERY", "BREW", "PROPFIND", "get"])
    func unknownMethodsAre405OnKnownPaths(_ method: String) throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        try client.send("\(method) /events HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(try response.json()["detail"] as? String == "\(method) is not allowed on /events; allowed: GET, HEAD, OPTIONS.")
        try client.send("\(method) /nothing HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 404)
        #expect(try client.get("/events").status == 200)
    }

    /// Expect: 100-continue on a request no route takes gets the final 405 at once, not 100 first.
    @Test func expectContinueOnARefusedMethodGetsTheFinalAnswer() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        try client.send("POST /events HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n"
            + "Origin: https://app.example\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("Connection") == "close")
    }

    /// Errors the engine answers before routing still carry CORS, so a browser can read them.
    @Test(arguments: [
        ("GET /" + String(repeating: "x", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: " + String(repeating: "v", count: 17_000) + "\r\n\r\n", 431),
    ])
    func engineRejectionsCarryCORS(_ raw: String, _ status: Int) throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        try client.send(raw)
        let response = try client.readResponse()
        #expect(response.status == status)
        #expect(response.header("Access-Control-Allow-Origin") == "*")
    }

    /// With a list of origins, an error the engine answers after reading the header section
    /// grants the request's allowed origin, as a routed error does; a target the engine cannot
    /// decode gets the CORS fields too, and both are counted in the metrics.
    @Test func engineErrorsGrantTheAllowedOriginAndAreCounted() throws {
        let (server, _) = try startAccord(cors: CORSPolicy(allowedOrigins: ["https://a.example"]))
        let origin = "Origin: https://a.example\r\n"
        for (raw, status) in [
            ("GET /healthz HTTP/1.1\r\nHost: t\r\n\(origin)Content-Length: 99999999\r\n\r\n", 413),
            ("GET /healthz HTTP/1.1\r\n\(origin)\r\n", 400),
            ("GET /healthz HTTP/1.1\r\nHost: t\r\n\(origin)Expect: teapot\r\n\r\n", 417),
        ] {
            let client = try server.client()
            try client.send(raw)
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.header("Access-Control-Allow-Origin") == "https://a.example", "\(status)")
            #expect(response.header("Vary")?.contains("Origin") == true)
        }
        // A request line the parser refuses: its Origin is never read.
        let early = try server.client()
        try early.send("GET /healthz HTTP/2.0\r\nHost: t\r\n\(origin)\r\n")
        #expect(try early.readResponse().header("Access-Control-Allow-Origin") == nil)
        let client = try server.client()
        for target in ["/search?q=100%", "/events/%00"] {
            let response = try client.get(target, headers: ["Origin": "https://a.example"])
            #expect(response.status == 400, "\(target)")
            #expect(response.header("Access-Control-Allow-Origin") == "https://a.example", "\(target)")
        }
        let metrics = try client.get("/metrics").text
        #expect(metrics.contains("accord_requests_total{route=\"unmatched\",method=\"GET\",status=\"400\"} 2\n"))
        for status in [400, 413, 417, 505] {
            #expect(metrics.contains("accord_requests_rejected_total{status=\"\(status)\"} 1\n"), "\(status)")
        }
    }

    @Test func forwardedHeadersShapeLinksOnlyFromTrustedProxies() throws {
        let forwarded = ["X-Forwarded-Proto": "https", "X-Forwarded-Host": "api.example.org",
                         "X-Forwarded-Prefix": "/accord", "X-Forwarded-For": "203.0.113.7"]
        let (trusted, _) = try startAccord { $0.trustedProxies = [CIDR("127.0.0.1/32")].compactMap { $0 } }
        let page = try trusted.client().json("/events?limit=5", headers: forwarded)
        #expect((page.links["next"] as? String)?.hasPrefix("https://api.example.org/accord/events?") == true)
        let (untrusted, _) = try startAccord()
        let plain = try untrusted.client().json("/events?limit=5", headers: forwarded)
        #expect((plain.links["next"] as? String)?.hasPrefix("http://accord.test/events?") == true)
    }

    @Test func healthReadinessAndMetrics() throws {
        let (server, application) = try startAccord()
        let client = try server.client()
        #expect(try client.get("/healthz").status == 200)
        let ready = try client.get("/readyz")
        #expect(ready.status == 200)
        #expect((try ready.json()["loadedAt"] as? String)?.hasSuffix("Z") == true)
        _ = try client.get("/events")
        _ = try client.get("/events")
        _ = try client.get("/no-such-thing")
        _ = try client.get("/events", method: "DELETE")
        // A preflight is answered by the CORS policy, not a route: not counted.
        _ = try client.get("/events", headers: ["Origin": "https://app.example", "Access-Control-Request-Method": "GET"], method: "OPTIONS")
        let metrics = try client.get("/metrics")
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains("accord_requests_total{route=\"/events\",method=\"GET\",status=\"200\"} 2\n"))
        #expect(metrics.text.contains("accord_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"))
        // A route's path with a method it does not take: counted under the route.
        #expect(metrics.text.contains("accord_requests_total{route=\"/events\",method=\"DELETE\",status=\"405\"} 1\n"))
        #expect(!metrics.text.contains("method=\"OPTIONS\""))
        #expect(metrics.text.contains("accord_request_duration_seconds_bucket{le=\"+Inf\"}"))
        #expect(metrics.text.contains("accord_open_connections 1"))
        application.beginDraining()
        #expect(try client.get("/readyz").status == 503)
        #expect(try client.get("/healthz").status == 200)
    }
}
