import Store

/// `components/schemas`: the exact shape of every JSON body (see `Representation`).
extension OpenAPIDocument {
    static var schemas: JSON {
        .object([
            ("Index", index),
            ("Health", record([("status", constant("ok"))], description: "Liveness: the process answers.")),
            ("Readiness", record([
                ("status", constant("ready")),
                ("dataset", string("Version (SHA-256 hex) of the loaded dataset.", pattern: "^[0-9a-f]{64}$")),
                ("loadedAt", string("When this replica loaded it (RFC 3339); not in the index, whose ETag is the same on every replica.", format: "date-time")),
            ], description: "The server has a dataset and is not draining.")),
            ("Draining", record([("status", constant("draining"))], description: "The server is shutting down.")),
            ("DatePoint", datePoint),
            ("Evidence", evidence),
            ("EntityReference", entityReference),
            ("Mention", mention),
            ("Paragraph", paragraph),
            ("CleaningReport", cleaningReport),
            ("Article", record(articleProperties, description: "An article as listed.")),
            ("ArticleDetail", record(
                Array(articleProperties.dropLast()) + articleIncludes + [articleProperties.last!],
                optional: Set(articleIncludes.map(\.0)),
                description: "An article with the members asked for by `include`."
            )),
            ("Entity", record(entityProperties, description: "An entity as listed.")),
            ("EntityDetail", record(
                Array(entityProperties.dropLast()) + entityDetailProperties + [entityProperties.last!],
                description: "An entity with its strongest co-occurrences and every article that mentions it."
            )),
            ("EntityResolution", record([
                ("query", string("The name as asked (trimmed).")),
                ("matched", string("The id, name or alias text that matched, as written in the catalog.")),
                ("matchedBy", string(values: cases(EntityMatch.Source.self))),
                ("entity", ref("Entity")),
            ], description: "The entity a name, alias or id resolves to (case- and diacritic-insensitive).")),
            ("Event", record(eventProperties, description: "An event.")),
            ("Proposal", record(proposalProperties, description: "A proposed security guarantee or related measure.")),
            ("SearchHit", searchHit),
            ("ListMeta", record([
                ("total", integer("Records matching the request, over all pages.", minimum: 0)),
                ("limit", integer(minimum: 1, maximum: Page.maximumLimit)),
                ("offset", integer(minimum: 0)),
                ("expanded", .object([
                    ("type", .string("object")),
                    ("description", .string("Present when an entity filter was given: for each, the entity ids it included "
                        + "(the entity first, then what acts for it, belongs to it or lies in it; the entity alone with `match=exact`).")),
                    ("additionalProperties", array(string())),
                ])),
            ], optional: ["expanded"])),
            ("ListLinks", record([
                ("self", string(format: "uri")),
                ("next", nullable(string("The next page, or null on the last page.", format: "uri"))),
                ("prev", nullable(string("The previous page, or null when offset is 0.", format: "uri"))),
            ], description: "Absolute URLs of this request with other `limit`/`offset`; other parameters kept in order.")),
            ("ArticleList", listEnvelope("Article")),
            ("EntityList", listEnvelope("Entity")),
            ("EventList", listEnvelope("Event")),
            ("ProposalList", listEnvelope("Proposal")),
            ("Position", record(positionProperties, description: "One actor's stated stance on a proposal, with the quotes it rests on.")),
            ("PositionList", listEnvelope("Position")),
            ("MentionList", listEnvelope("Mention")),
            ("EvidenceList", listEnvelope("Evidence")),
            ("SearchResults", listEnvelope("SearchHit", "Hits ranked by score (BM25F), best first.")),
            ("EventFeatureCollection", featureCollection),
            ("Problem", problem),
            ("OpenAPI", .object([
                ("type", .string("object")), ("required", .strings(["openapi", "info", "paths"])),
                ("properties", .object([("openapi", constant("3.1.0"))])),
                ("description", .string("An OpenAPI 3.1 document (this one).")),
            ])),
        ])
    }

    static func listEnvelope(_ item: String, _ description: String? = nil) -> JSON {
        record([("data", array(ref(item), description)), ("meta", ref("ListMeta")), ("links", ref("ListLinks"))],
               description: "One page of \(item) records.")
    }

    static func links(_ names: [String]) -> JSON {
        record(names.map { ($0, string(format: "uri")) }, description: "Absolute URLs.")
    }

    static let sources = array(string(), "Ids of the articles the record is drawn from.")
    static let outlets = array(string(), "Distinct outlets of those articles, sorted.")
    static let enrichment = array(string(), "Fields whose values come from curator knowledge, not from the article text.")
    static let count = integer(minimum: 0)

    static var index: JSON {
        record([
            ("service", string()),
            ("version", string()),
            ("dataset", record([
                ("version", string("SHA-256 (hex) over every seed file's path and bytes.", pattern: "^[0-9a-f]{64}$")),
                ("articles", count), ("entities", count), ("events", count), ("proposals", count), ("mentions", count),
            ])),
            ("links", record(["self", "articles", "entities", "events", "proposals", "search", "calendar", "openapi",
                              "health", "ready", "metrics"].map { name in
                (name, name == "search" ? string("URI template: replace `{query}`.", format: "uri-template") : string(format: "uri"))
            }, description: "Absolute URLs.")),
        ], description: "Service name, version, dataset summary and entry points.")
    }

    static var datePoint: JSON {
        record([
            ("date", string("First day of the period for week, month and year precision.", format: "date",
                            pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            ("precision", string(values: cases(DatePoint.Precision.self))),
            ("reason", string("One line saying how the date was inferred.")),
        ], description: "An inferred date with its precision.")
    }

    static var evidence: JSON {
        record([
            ("article", string("Article id.")),
            ("quote", string("Verbatim quote as curated.")),
            ("paragraph", integer("Index of the paragraph that holds the quote.", minimum: 0)),
            ("start", integer("Offset (Unicode scalars) of the quote in the paragraph text.", minimum: 0)),
            ("end", integer("End offset (exclusive).", minimum: 0)),
            ("provenance", string("curated: in the seed annotations; extracted: a sentence the extraction rules found.",
                                  values: cases(Provenance.self))),
        ], description: "A verbatim quote supporting a record, located in an article.")
    }

    static var entityReference: JSON {
        record([
            ("id", string()),
            ("name", string()),
            ("type", string(values: cases(Entity.Kind.self))),
        ], optional: ["name", "type"], description: "A reference to an entity; `name` and `type` are absent only if the id is unknown.")
    }

    static var mention: JSON {
        record([
            ("entity", string("Entity id.")),
            ("article", string("Article id.")),
            ("paragraph", integer(minimum: 0)),
            ("start", integer("Offset (Unicode scalars) in the paragraph text.", minimum: 0)),
            ("end", integer("End offset (exclusive).", minimum: 0)),
            ("text", string("The matched characters exactly as served.")),
        ], description: "One occurrence of an entity in an article paragraph.")
    }

    static var paragraph: JSON {
        record([
            ("index", integer(minimum: 0)),
            ("kind", string(values: cases(Paragraph.Kind.self))),
            ("text", string()),
        ])
    }

    static var cleaningReport: JSON {
        record([
            ("byteCount", integer("Size of the source file.", minimum: 0)),
            ("byteOrderMarkRemoved", boolean()),
            ("controlCharactersRemoved", integer("Control characters taken out of the text (NUL, escape and C1 codes; a vertical tab, form feed or U+0085 became a space).", minimum: 0)),
            ("lineEnding", string(values: cases(CleaningReport.LineEnding.self))),
            ("paragraphBreak", string(values: cases(CleaningReport.ParagraphBreak.self))),
            ("stripped", array(record([
                ("kind", string(values: cases(StrippedBlock.Kind.self))),
                ("line", integer("1-based source line of the block's first line.", minimum: 1)),
                ("text", string()),
            ]), "Boilerplate removed at load.")),
            ("collapsedRepeats", array(record([
                ("line", integer(minimum: 1)),
                ("repeatOf", integer(minimum: 0)),
                ("truncated", boolean()),
            ]), "Paragraphs dropped because an earlier one already says them.")),
        ], description: "How the article's source file was cleaned.")
    }

    static var articleProperties: [(String, JSON)] {
        [
            ("id", string()),
            ("title", string()),
            ("outlet", nullable(string("The outlet, where the text names it."))),
            ("published", nullable(ref("DatePoint"))),
            ("file", string("Source file name.")),
            ("curated", boolean("Whether `articles.json` has an entry for the file.")),
            ("paragraphCount", count),
            ("mentionCount", count),
            ("enrichment", enrichment),
            ("metadata", record([
                ("source", string("curated: articles.json; sidecar: articles/<name>.json; inferred: from the text itself.",
                                  values: ArticleMetadata.Source.allCases.map(\.rawValue))),
                ("inferred", .object([
                    ("type", .string("object")), ("additionalProperties", string()),
                    ("description", .string("Field name (title, outlet, published) → why it was inferred from the text.")),
                ])),
                ("notes", array(string(), "What the text does not support, and why (e.g. a dateline without a year).")),
                ("url", nullable(string("The article's URL, where a sidecar gives it."))),
                ("dateline", nullable(string("The dateline's place as written (\"VLADIVOSTOK\").")))
            ], description: "Where the title, outlet and publication date come from.")),
            ("links", links(["self"])),
        ]
    }

    static var articleIncludes: [(String, JSON)] {
        [
            ("text", string("The cleaned text, paragraphs joined by a blank line (`include=text`).")),
            ("paragraphs", array(ref("Paragraph"), "`include=paragraphs`.")),
            ("mentions", array(ref("Mention"), "`include=mentions`.")),
            ("cleaning", ref("CleaningReport")),
            ("highlights", array(record([
                ("paragraph", integer(minimum: 0)),
                ("start", integer("Offset (Unicode scalars) in the paragraph text.", minimum: 0)),
                ("end", integer(minimum: 0)),
                ("text", nullable(string("The marked words as written."))),
            ]), "`highlight=<query>`: where the query matches, as `/search` matches (stems, an entity's every name).")),
        ]
    }

    static var entityProperties: [(String, JSON)] {
        [
            ("id", string()),
            ("type", string(values: cases(Entity.Kind.self))),
            ("name", string()),
            ("aliases", array(record([("text", string()), ("kind", string(values: cases(Alias.Kind.self)))]))),
            ("description", nullable(string())),
            ("wikidata", nullable(string("Wikidata QID."))),
            ("coordinates", nullable(record([
                ("lat", number(minimum: -90, maximum: 90)), ("lon", number(minimum: -180, maximum: 180)),
            ]))),
            ("country", nullable(ref("EntityReference"))),
            ("affiliation", nullable(ref("EntityReference"))),
            ("mentionCount", count),
            ("articleCount", count),
            ("firstSeen", nullable(ref("DatePoint"))),
            ("lastSeen", nullable(ref("DatePoint"))),
            ("enrichment", enrichment),
            ("origin", string("curated: entities.json; gazetteer: world knowledge with Wikidata QIDs (enrichment); "
                              + "extracted: found by a pattern in an article (a title before a name, a named organisation).",
                              values: cases(Entity.Origin.self))),
            ("links", links(["self", "articles", "events", "proposals", "mentions"])),
        ]
    }

    static var entityDetailProperties: [(String, JSON)] {
        [
            ("coOccurrences", array(record([("entity", ref("EntityReference")), ("articleCount", count)]),
                                    "Up to 10 entities most often mentioned in the same articles.")),
            ("articles", array(string(), "Ids of the first \(Representation.detailArticleLimit) articles, by id, that mention the entity (articleCount has them all; links.articles pages through every one).")),
        ]
    }

    static var eventProperties: [(String, JSON)] {
        [
            ("id", string()),
            ("title", string()),
            ("kind", string(values: cases(Event.Kind.self))),
            ("status", string(values: cases(Event.Status.self))),
            ("start", nullable(ref("DatePoint"))),
            ("end", nullable(ref("DatePoint"))),
            ("location", nullable(ref("EntityReference"))),
            ("participants", array(record([
                ("entity", ref("EntityReference")), ("role", string(values: cases(Participant.Role.self))),
            ]))),
            ("summary", string()),
            ("proposals", array(string(), "Ids of proposals discussed.")),
            ("sources", sources),
            ("outlets", outlets),
            ("articleCount", count),
            ("outletCount", count),
            ("evidence", array(ref("Evidence"), "The first \(Representation.inlineEvidenceLimit) quotes; `evidenceCount` counts them all and `links.evidence` pages through every one.")),
            ("evidenceCount", count),
            ("enrichment", enrichment),
        ] + extractionProperties("\"trigger:met\"") + [
            ("notes", array(string(), "Disagreements between sources, e.g. a date one article gives that contradicts the record's.")),
            ("statusAsOf", statusAsOf),
            ("overdue", boolean("Scheduled, but the period ended before the newest article in the dataset was published (not the wall clock).")),
            ("links", links(["self", "evidence"])),
        ]
    }

    static var proposalProperties: [(String, JSON)] {
        [
            ("id", string()),
            ("title", string()),
            ("kind", string(values: cases(Proposal.Kind.self))),
            ("status", string(values: cases(Proposal.Status.self))),
            ("summary", string()),
            ("proposers", array(ref("EntityReference"))),
            ("guarantors", array(ref("EntityReference"))),
            ("beneficiary", nullable(ref("EntityReference"))),
            ("conditions", array(record([("text", string()), ("evidence", array(ref("Evidence")))]))),
            ("positions", array(ref("Position"), "The first \(Representation.inlinePositionLimit) positions; `positionCount` counts them all and `links.positions` pages through every one.")),
            ("positionCount", count),
            ("firstReported", nullable(ref("DatePoint"))),
            ("sources", sources),
            ("outlets", outlets),
            ("evidence", array(ref("Evidence"))),
            ("enrichment", enrichment),
        ] + extractionProperties("\"topic:ceasefire\"") + [
            ("statusAsOf", statusAsOf),
            ("links", links(["self", "positions"])),
        ]
    }

    static var positionProperties: [(String, JSON)] {
        [
            ("entity", ref("EntityReference")),
            ("stance", string(values: cases(Position.Stance.self))),
            ("date", nullable(ref("DatePoint"))),
            ("evidence", array(ref("Evidence"))),
        ] + extractionProperties("\"stance:ruled out/troops\"")
    }

    /// `provenance`, `confidence` and `rule`, as every extractable record carries them.
    static func extractionProperties(_ ruleExample: String) -> [(String, JSON)] {
        [
            ("provenance", string("curated (checked by a person), or extracted by rules from articles no curator annotated.",
                                  values: cases(Provenance.self))),
            ("confidence", nullable(number("Extracted: how sure the rules are; null when curated.", minimum: 0, maximum: 1))),
            ("rule", nullable(string("Extracted: the rule that produced it (\(ruleExample)); null when curated."))),
        ]
    }

    static var statusAsOf: JSON {
        nullable(record([
            ("date", nullable(ref("DatePoint"))),
            ("article", string("The latest-published article that reports the record.")),
        ], description: "When the status was last stated: the publication date of the latest article citing the record."))
    }

    static var searchHit: JSON {
        record([
            ("type", string(values: Application.searchKinds)),
            ("id", string()),
            ("title", string("Title of the article, event or proposal; name of the entity.")),
            ("score", number("Relevance, rounded to 3 decimals.", minimum: 0)),
            ("field", string("Field where the query matched best, e.g. `title`, `text`, `name`, `alias`, `summary`.")),
            ("snippet", string("Excerpt with matches wrapped in `<mark>`…`</mark>`.")),
            ("links", links(["self"])),
        ])
    }

    static var featureCollection: JSON {
        let point = record([
            ("type", constant("Point")),
            ("coordinates", .object([
                ("type", .string("array")),
                ("prefixItems", .array([number("Longitude."), number("Latitude.")])),
                ("minItems", .int(2)), ("maxItems", .int(2)),
            ])),
        ])
        let feature = record([
            ("type", constant("Feature")),
            ("id", string("Event id.")),
            ("geometry", nullable(point)),
            ("properties", ref("Event")),
        ], description: "One event; `geometry` is null when its location has no coordinates.")
        return record([("type", constant("FeatureCollection")), ("features", array(feature))],
                      description: "Events as an RFC 7946 FeatureCollection.")
    }

    static var problem: JSON {
        record([
            ("type", string("A URI naming the problem type; `about:blank` for plain HTTP errors.", format: "uri")),
            ("title", string()),
            ("status", integer(minimum: 400, maximum: 599)),
            ("detail", string()),
            ("requestId", string("The request's X-Request-ID.")),
            ("parameter", string("The query parameter at fault.")),
            ("value", string("The value at fault.")),
            ("allowed", array(string(), "Every query parameter this endpoint accepts (unknown parameter).")),
            ("collection", string("What was looked up (not found).")),
            ("id", string("The id that was not found.")),
            ("available", array(string(), "Media types this resource can produce (406).")),
            ("etag", string("The current representation's ETag (412).")),
            ("limit", integer("The size limit in bytes the representation would exceed (422).", minimum: 0)),
        ], optional: ["requestId", "parameter", "value", "allowed", "collection", "id", "available", "etag", "limit"],
           description: "RFC 9457 problem details.")
    }
}
