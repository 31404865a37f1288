import Store

/// `paths`: one GET operation per route the application registers (see `Routes/*.swift`).
extension OpenAPIDocument {
    static var paths: JSON {
        .object(servicePaths + articlePaths + entityPaths + eventPaths + proposalPaths + searchPaths + explorerPaths)
    }

    static let methods = " HEAD is answered like GET without a body; OPTIONS answers 204 with `Allow: GET, HEAD, OPTIONS`."

    /// A cached, negotiated resource (`Application.resource`): 200/304, 400, 406, 405, 412, 422,
    /// 503 under overload, and 404 for ids.
    static func resource(
        _ operationID: String, tag: String, summary: String, description: String, parameters: [JSON],
        formats: [Format], schema: String, list: Bool = false, notFound: Bool = false,
        responses base: [(String, JSON)]? = nil
    ) -> JSON {
        var all = parameters
        if list { all += [component("parameters", "limit"), component("parameters", "offset")] }
        all += [formatParameter(formats), component("parameters", "pretty")]
        var responses = base ?? success(list ? "One page." : "The representation.", formats: formats, schema: schema, list: list)
        responses.append(("400", component("responses", "BadRequest")))
        if notFound { responses.append(("404", component("responses", "NotFound"))) }
        responses += [
            ("405", component("responses", "MethodNotAllowed")), ("406", component("responses", "NotAcceptable")),
            ("412", component("responses", "PreconditionFailed")),
            ("422", component("responses", "ResponseTooLarge")), ("503", component("responses", "Overloaded")),
        ]
        return get(operationID, tag: tag, summary: summary, description: description, parameters: all, responses: responses)
    }

    static func get(_ operationID: String, tag: String, summary: String, description: String, parameters: [JSON],
                    responses: [(String, JSON)]) -> JSON {
        var operation: [(String, JSON)] = [
            ("operationId", .string(operationID)), ("tags", .strings([tag])), ("summary", .string(summary)),
            ("description", .string(description + methods)),
        ]
        if !parameters.isEmpty { operation.append(("parameters", .array(parameters))) }
        operation.append(("responses", .object(responses + [("308", component("responses", "Redirect"))])))
        return .object([("get", .object(operation))])
    }

    static let sortParameter = component("parameters", "sort")
    static let searchFilter = searchParameter(required: false)
    static let listFormats: [Format] = [.json, .csv]
    static let articleID = idParameter("article", pattern: "^[^/]*[^./][^/]*$", example: "000-44894ce68db02e79")
    static let entityID = idParameter("entity", pattern: slugPattern, example: "ukraine")
    static let eventID = idParameter("event", pattern: slugPattern, example: "oval-office-meeting-2025-02-28")
    static let proposalID = idParameter("proposal", pattern: slugPattern, example: "ceasefire-before-talks")

    // MARK: service

    static var servicePaths: [(String, JSON)] {
        let plain: [(String, JSON)] = [("X-Request-ID", component("headers", "X-Request-ID"))]
        func plainResponse(_ description: String, _ media: String, _ schema: JSON, status: String = "200") -> (String, JSON) {
            (status, .object([
                ("description", .string(description)),
                ("headers", .object([("Cache-Control", cacheControl("no-store"))] + plain)),
                ("content", .object([(media, .object([("schema", schema)]))])),
            ]))
        }
        let ignoresQuery = " The query string is ignored."
        return [
            ("/", resource("getIndex", tag: "service", summary: "Service index",
                           description: "Service name and version, dataset counts and links to every collection. When the web explorer is installed, a client that ranks `text/html` above `application/json` in `Accept` (a browser) and gives no `format` gets the explorer page instead, revalidated on every use; the query string is then the page's own.",
                           parameters: [], formats: [.json], schema: "Index",
                           responses: success("The index, or the explorer page.", formats: [.json], schema: "Index", list: false,
                                              cache: ["public, max-age=60", Application.explorerCacheControl],
                                              extra: ([("text/html", .object([("schema", string("The explorer page (`text/html; charset=utf-8`)."))]))],
                                                      explorerHeaders(required: false))))),
            ("/healthz", get("getHealth", tag: "service", summary: "Liveness",
                             description: "Always 200 while the process answers." + ignoresQuery, parameters: [],
                             responses: [plainResponse("Alive.", "application/json", ref("Health")),
                                         ("405", component("responses", "MethodNotAllowed"))])),
            ("/readyz", get("getReadiness", tag: "service", summary: "Readiness",
                            description: "200 with the dataset version while serving; 503 once the server drains." + ignoresQuery,
                            parameters: [],
                            responses: [plainResponse("Ready.", "application/json", ref("Readiness")),
                                        plainResponse("Draining: take this replica out of rotation.", "application/json",
                                                      ref("Draining"), status: "503"),
                                        ("405", component("responses", "MethodNotAllowed"))])),
            ("/metrics", get("getMetrics", tag: "service", summary: "Prometheus metrics",
                             description: "Request counters by route template, method and status; latency histogram; connections; dataset and reloads, in the Prometheus text format 0.0.4." + ignoresQuery,
                             parameters: [],
                             responses: [plainResponse("Metrics (`text/plain; version=0.0.4; charset=utf-8`).", "text/plain", string()),
                                         ("405", component("responses", "MethodNotAllowed"))])),
            ("/openapi.json", get("getOpenAPI", tag: "service", summary: "This document",
                                  description: "The OpenAPI 3.1 description of this API. `Accept` is not negotiated." + ignoresQuery,
                                  parameters: [],
                                  responses: success("The OpenAPI document.", formats: [.json], schema: "OpenAPI", list: false,
                                                     cache: ["public, max-age=300"])
                                      + [("405", component("responses", "MethodNotAllowed"))])),
        ]
    }

    // MARK: articles

    static var articlePaths: [(String, JSON)] {
        [
            ("/articles", resource("listArticles", tag: "articles", summary: "List articles",
                                   description: "Every article, by id (or by publication date with `sort`).",
                                   parameters: [searchFilter, sortParameter], formats: listFormats, schema: "ArticleList", list: true)),
            ("/articles/{id}", resource("getArticle", tag: "articles", summary: "One article",
                                        description: "An article; `include` adds its text, paragraphs, mentions or cleaning report.",
                                        parameters: [articleID, queryParameter("include", .object([
                                            ("type", .string("array")), ("items", string(values: ["text", "paragraphs", "mentions", "cleaning"])),
                                            ("minItems", .int(1)),
                                        ]), "Extra members to include. Comma-separated.", list: true),
                                        queryParameter("highlight", string(minLength: 1),
                                                       "A search query; `highlights` lists where it matches (to mark a hit opened from `/search`).",
                                                       example: "security guarantees")],
                                        formats: [.json], schema: "ArticleDetail", notFound: true)),
            ("/articles/{id}/entities", resource("listArticleEntities", tag: "articles", summary: "Entities an article mentions",
                                                 description: "Entities mentioned in the article, by id.",
                                                 parameters: [articleID], formats: listFormats, schema: "EntityList", list: true, notFound: true)),
            ("/articles/{id}/events", resource("listArticleEvents", tag: "articles", summary: "Events an article reports",
                                               description: "Events citing the article, oldest first (undated last).",
                                               parameters: [articleID], formats: listFormats, schema: "EventList", list: true, notFound: true)),
            ("/articles/{id}/proposals", resource("listArticleProposals", tag: "articles", summary: "Proposals an article reports",
                                                  description: "Proposals citing the article, by id.",
                                                  parameters: [articleID], formats: listFormats, schema: "ProposalList", list: true, notFound: true)),
        ]
    }

    // MARK: entities

    static var entityPaths: [(String, JSON)] {
        [
            ("/entities", resource("listEntities", tag: "entities", summary: "List entities",
                                   description: "Entities by id: by default those the loaded articles mention; "
                                       + "`mentioned=any` adds the rest of the gazetteer (every country, capital, major organisation and outlet).",
                                   parameters: [listParameter("type", cases(Entity.Kind.self), "Only entities of these types."), searchFilter,
                                                queryParameter("mentioned", string(values: ["true", "any"]),
                                                               "`true` (default): mentioned in an article; `any`: every entity, gazetteer included.")],
                                   formats: listFormats, schema: "EntityList", list: true)),
            ("/entities/resolve", resource("resolveEntity", tag: "entities", summary: "Resolve a name",
                                           description: "The entity an id, name or alias denotes (case- and diacritic-insensitive); 404 when none does.",
                                           parameters: [queryParameter("name", string(minLength: 1), "The name to resolve.", required: true, example: "Zelenskiy")],
                                           formats: [.json], schema: "EntityResolution", notFound: true)),
            ("/entities/{id}", resource("getEntity", tag: "entities", summary: "One entity",
                                        description: "An entity with its top co-occurring entities and the articles mentioning it.",
                                        parameters: [entityID], formats: [.json], schema: "EntityDetail", notFound: true)),
            ("/entities/{id}/articles", resource("listEntityArticles", tag: "entities", summary: "Articles mentioning an entity",
                                                 description: "Articles that mention the entity, by id.",
                                                 parameters: [entityID], formats: listFormats, schema: "ArticleList", list: true, notFound: true)),
            ("/entities/{id}/events", resource("listEntityEvents", tag: "entities", summary: "Events involving an entity",
                                               description: "Events the entity takes part in or is the location of, oldest first (undated last).",
                                               parameters: [entityID, provenanceFilter("events")], formats: listFormats, schema: "EventList", list: true, notFound: true)),
            ("/entities/{id}/proposals", resource("listEntityProposals", tag: "entities", summary: "Proposals involving an entity",
                                                  description: "Proposals the entity proposes, guarantees, benefits from or takes a position on, by id.",
                                                  parameters: [entityID, provenanceFilter("proposals")], formats: listFormats, schema: "ProposalList", list: true, notFound: true)),
            ("/entities/{id}/mentions", resource("listEntityMentions", tag: "entities", summary: "Mentions of an entity",
                                                 description: "Every occurrence of the entity in the articles, by article, paragraph and offset.",
                                                 parameters: [entityID], formats: listFormats, schema: "MentionList", list: true, notFound: true)),
        ]
    }

    // MARK: events

    static var matchParameter: JSON {
        queryParameter("match", .object([("type", .string("string")), ("enum", .strings(["expand", "exact"])), ("default", .string("expand"))]),
                       "How entity filters read their entity. `expand` (default): the entity and everything that acts for it, "
                       + "belongs to it or lies in it (its `country` or `affiliation`; Russia takes in Putin, the Kremlin and Moscow). "
                       + "`exact`: the entity alone. `meta.expanded` lists the ids each filter included.")
    }

    static func provenanceFilter(_ records: String) -> JSON {
        listParameter("provenance", cases(Provenance.self),
                      "Only curated \(records), or only those extracted by rules from articles no curator annotated.")
    }

    static var eventFilters: [JSON] {
        [
            listParameter("status", cases(Event.Status.self), "Only events with these statuses."),
            listParameter("kind", cases(Event.Kind.self), "Only events of these kinds."),
            provenanceFilter("events"),
            queryParameter("overdue", .object([("type", .string("string")), ("enum", .strings(["true", "false"]))]),
                           "Only scheduled events whose date has passed by the newest article (`true`), or all others (`false`)."),
            entityParameter("participant", "Only events this entity, or one acting for it, takes part in (see `match`).", example: "Zelenskiy"),
            entityParameter("location", "Only events at this place, or at a place in it (see `match`).", example: "ukraine"),
            entityParameter("entity", "Only events involving this entity in any role: a participant or the location (see `match`).",
                            example: "Russia"),
            matchParameter,
            queryParameter("from", string(pattern: "^[0-9]{4}(-[0-9]{1,2}){0,2}$"),
                           "Only dated events whose `end` (else `start`) date is on or after this day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a year or month means its first day).",
                           example: "2025-08"),
            queryParameter("undated", .object([("type", .string("string")), ("enum", .strings(["exclude", "include"])), ("default", .string("exclude"))]),
                           "With `from` or `to`: `exclude` (default) leaves out events with no date; `include` keeps them (a proposed meeting not yet dated)."),
            queryParameter("to", string(pattern: "^[0-9]{4}(-[0-9]{1,2}){0,2}$"),
                           "Only dated events whose `start` date is on or before this day (a year or month means its last day); before `from` is a 400.",
                           example: "2025-09-30"),
            searchFilter,
            queryParameter("sort", .object([("type", .string("string")), ("enum", .strings(["date", "-date"])), ("default", .string("date"))]),
                           "`date` (default): oldest first; `-date`: newest first. Undated events last either way, ties by id."),
        ]
    }

    static var eventPaths: [(String, JSON)] {
        [
            ("/events", resource("listEvents", tag: "events", summary: "List events",
                                 description: "Events matching every filter given, by date. GeoJSON holds this page; iCalendar holds every matching dated event (`limit`/`offset` do not apply to it).",
                                 parameters: eventFilters, formats: [.json, .csv, .geojson, .ics], schema: "EventList", list: true)),
            ("/events.ics", resource("getEventCalendar", tag: "events", summary: "Events as a calendar",
                                     description: "Every matching dated event as one iCalendar (subscribe to it); the same filters as `/events`, no paging.",
                                     parameters: eventFilters, formats: [.ics], schema: "Event")),
            ("/events/{id}/evidence", resource("listEventEvidence", tag: "events", summary: "Every quote an event rests on",
                                               description: "The event's evidence in full, in the record's order (the event itself carries the first \(Representation.inlineEvidenceLimit)).",
                                               parameters: [eventID], formats: listFormats, schema: "EvidenceList", list: true, notFound: true)),
            ("/events/{id}", resource("getEvent", tag: "events", summary: "One event",
                                      description: "An event, also as a one-feature GeoJSON collection or a one-event calendar.",
                                      parameters: [eventID], formats: [.json, .geojson, .ics], schema: "Event", notFound: true)),
        ]
    }

    // MARK: proposals

    static var proposalPaths: [(String, JSON)] {
        [
            ("/proposals", resource("listProposals", tag: "proposals", summary: "List proposals",
                                    description: "Proposals matching every filter given, by id (or by first-reported date with `sort`).",
                                    parameters: [
                                        listParameter("kind", cases(Proposal.Kind.self), "Only proposals of these kinds."),
                                        listParameter("status", cases(Proposal.Status.self), "Only proposals with these statuses."),
                                        entityParameter("proposer", "Only proposals this entity proposes.", example: "Macron"),
                                        entityParameter("supporter", "Only proposals this entity proposes or supports.", example: "France"),
                                        entityParameter("opponent", "Only proposals this entity opposes.", example: "Russia"),
                                        entityParameter("entity", "Only proposals involving this entity in any role: proposer, "
                                            + "guarantor, beneficiary or position holder (see `match`).", example: "Russia"),
                                        matchParameter,
                                        provenanceFilter("proposals"),
                                        searchFilter, sortParameter,
                                    ], formats: listFormats, schema: "ProposalList", list: true)),
            ("/proposals/{id}/positions", resource("listProposalPositions", tag: "proposals", summary: "Every stated position on a proposal",
                                                   description: "The proposal's positions in full, in the record's order (the proposal itself carries the first \(Representation.inlinePositionLimit)).",
                                                   parameters: [proposalID], formats: listFormats, schema: "PositionList", list: true, notFound: true)),
            ("/proposals/{id}", resource("getProposal", tag: "proposals", summary: "One proposal",
                                         description: "A proposal with its proposers, guarantors, conditions and positions.",
                                         parameters: [proposalID], formats: [.json], schema: "Proposal", notFound: true)),
        ]
    }

    // MARK: search

    static var searchPaths: [(String, JSON)] {
        [
            ("/search", resource("search", tag: "search", summary: "Search everything",
                                 description: "Articles, entities, events and proposals ranked by relevance (BM25F), each hit with a marked snippet.",
                                 parameters: [searchParameter(required: true),
                                              listParameter("type", Application.searchKinds, "Only hits of these types."),
                                              entityParameter("entity", "Only hits that involve this entity (see `match`): the entity itself, articles that mention it, events and proposals it takes part in.", example: "Zelenskiy"),
                                              matchParameter],
                                 formats: listFormats, schema: "SearchResults", list: true)),
        ]
    }

    // MARK: explorer

    /// The web explorer's assets (`Routes/Application+Explorer.swift`); the page itself is served at `/`.
    static var explorerPaths: [(String, JSON)] {
        let assets = StaticFiles.allowList.filter { $0.name != StaticFiles.pageName }
        let media = Dictionary(assets.map { (String($0.contentType.prefix { $0 != ";" }), $0.contentType) }, uniquingKeysWith: { a, _ in a })
        let file: JSON = .object([
            ("name", .string("file")), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string("An asset of the explorer, by exact name; any other name is a 404.")),
            ("schema", string(values: assets.map(\.name))), ("example", .string(assets[0].name)),
        ])
        var headers: [(String, JSON)] = [
            ("ETag", component("headers", "ETag")), ("Cache-Control", cacheControl(Application.explorerCacheControl)),
            ("X-Request-ID", component("headers", "X-Request-ID")),
        ]
        headers += explorerHeaders(required: true)
        // The map's outlines are a JSON document; the scripts, styles and icon are text.
        let content: [(String, JSON)] = media.keys.sorted().map { type in
            let described = "`\(media[type] ?? type)`"
            let schema: JSON = type == "application/json"
                ? .object([("type", .string("object")), ("description", .string(described + " (the map's country outlines)"))])
                : string(described)
            return (type, .object([("schema", schema)]))
        }
        return [
            ("/explorer/{file}", get("getExplorerAsset", tag: "service", summary: "Explorer asset",
                                     description: "A script, style sheet, icon or the map's outlines of the web explorer, when it is installed (else every name is a 404). Revalidated on every use." + " The query string is ignored.",
                                     parameters: [file],
                                     responses: [
                                         ("200", .object([("description", .string("The file.")), ("headers", .object(headers)),
                                                          ("content", .object(content))])),
                                         ("304", .object([("description", .string("`If-None-Match` matches the current ETag; no body.")),
                                                          ("headers", .object(headers))])),
                                         ("404", component("responses", "NotFound")),
                                         ("405", component("responses", "MethodNotAllowed")),
                                     ])),
        ]
    }

    static func explorerHeaders(required: Bool) -> [(String, JSON)] {
        [("X-Content-Type-Options", header(constant("nosniff"), required: required))]
    }
}
