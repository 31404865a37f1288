import API
import Foundation
import Testing
import TestSupport

@Suite("API resources over real sockets", .serialized)
struct ResourceTests {
    @Test func indexNamesTheServiceDatasetAndEveryCollection() throws {
        let (server, _) = try startAccord()
        let index = try server.client().json("/")
        #expect(index["service"] as? String == "accord")
        let dataset = try #require(index["dataset"] as? [String: Any])
        #expect((dataset["version"] as? String)?.count == 64)
        #expect(dataset["articles"] as? Int == 5)
        let links = index.links
        for name in ["articles", "entities", "events", "proposals", "openapi"] {
            #expect((links[name] as? String)?.hasPrefix("http://accord.test/") == true, "missing link \(name)")
        }
    }

    @Test func aRepresentationOverTheResponseLimitIs422AndTheConnectionServesOn() throws {
        let (server, _) = try startAccord(maxResponseBytes: 4096)
        let client = try server.client()
        let article = try #require(try client.json("/articles?limit=1").ids.first)
        let response = try client.get("/articles/\(article)?include=text,paragraphs,mentions")
        #expect(response.status == 422)
        let problem = try response.json()
        #expect(problem["type"] as? String == "https://accord.example/problems/response-too-large")
        #expect(problem["limit"] as? Int == 4096)
        #expect((problem["detail"] as? String)?.contains("limits.maxResponseBytes") == true)
        // Same connection: a small representation is still served, and the refusal was not cached as a body.
        #expect(try client.get("/events?limit=1").status == 200)
        #expect(try client.get("/articles/\(article)?include=text,paragraphs,mentions").status == 422)
        #expect(try client.get("/articles/\(article)").status == 200)
    }

    @Test func entityMentionsPageInArticleThenTextOrderAndThePagesAddUpToTheWhole() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let entities = try client.json("/entities?limit=100").data
        let busiest = try #require(entities.max { ($0["mentionCount"] as? Int ?? 0) < ($1["mentionCount"] as? Int ?? 0) })
        let id = try #require(busiest["id"] as? String)
        let total = try #require(busiest["mentionCount"] as? Int)
        #expect(total > 10)
        let (seen, totals) = try client.allPages("/entities/\(id)/mentions?limit=7")
        #expect(totals.allSatisfy { $0 == total })
        #expect(seen.count == total)
        let keys = seen.map { ($0["article"] as? String ?? "", $0["paragraph"] as? Int ?? -1, $0["start"] as? Int ?? -1) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "mentions in (article, paragraph, start) order across pages")
        let detail = try client.json("/entities/\(id)")
        let articles = try #require(detail["articles"] as? [String])
        #expect(articles == articles.sorted() && articles.count == min(100, busiest["articleCount"] as? Int ?? -1))
    }

    @Test func pageLinksKeepTheOtherParametersInOrderAndReplaceOnlyLimitAndOffset() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let response = try client.get("/events?limit=3&status=held&offset=3&sort=-date")
        let page = try response.json()
        let total = try #require(page.meta["total"] as? Int)
        #expect(total > 6)
        let base = "http://accord.test/events?status=held&sort=-date&"
        #expect(page.links["self"] as? String == base + "limit=3&offset=3")
        #expect(page.links["next"] as? String == base + "limit=3&offset=6")
        #expect(page.links["prev"] as? String == base + "limit=3")
        let last = (total - 1) / 3 * 3
        #expect(response.header("Link") == "<\(base)limit=3&offset=6>; rel=\"next\", <\(base)limit=3>; rel=\"prev\", "
            + "<\(base)limit=3>; rel=\"first\", <\(base)limit=3&offset=\(last)>; rel=\"last\"")

        // Values are re-encoded (a "+" space comes back as %20); no other parameters, no "&" left over.
        let search = try client.json("/search?q=security+guarantees&limit=1&offset=1")
        #expect(search.links["self"] as? String == "http://accord.test/search?q=security%20guarantees&limit=1&offset=1")
        let plain = try client.json("/events")
        #expect(plain.links["self"] as? String == "http://accord.test/events?limit=20")
    }

    @Test func heldEventsComeInDateOrderWithTheirSources() throws {
        let (server, _) = try startAccord()
        let list = try server.client().json("/events?status=held&limit=100")
        let events = list.data
        #expect(events.count == list.meta["total"] as? Int)
        #expect(events.count >= 10)
        let dates = events.compactMap { ($0["start"] as? [String: Any])?["date"] as? String }
        #expect(dates == dates.sorted())
        for event in events {
            #expect(event["status"] as? String == "held")
            #expect(!((event["sources"] as? [String]) ?? []).isEmpty)
            let evidence = (event["evidence"] as? [[String: Any]]) ?? []
            #expect(!evidence.isEmpty)
            #expect(evidence.allSatisfy { $0["quote"] is String && $0["start"] is Int && $0["end"] is Int })
        }
        let reversed = try server.client().json("/events?status=held&limit=100&sort=-date").data
        let reversedDates = reversed.compactMap { ($0["start"] as? [String: Any])?["date"] as? String }
        #expect(reversedDates == dates.sorted(by: >))
    }

    @Test func theWhiteHouseMeetingIsOneEventCitingSeveralArticles() throws {
        let (server, _) = try startAccord()
        let event = try server.client().json("/events/white-house-meeting-2025-08-18")
        #expect(((event["sources"] as? [String]) ?? []).count >= 2)
        #expect((event["start"] as? [String: Any])?["precision"] as? String == "day")
    }

    @Test func entityFiltersAcceptIDsAndAnyAlias() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let byID = try client.json("/events?participant=volodymyr-zelensky&limit=100").ids
        #expect(!byID.isEmpty)
        for alias in ["Zelenskiy", "Zelenskyy", "zelensky", "Volodymyr%20Zelenskiy"] {
            #expect(try client.json("/events?participant=\(alias)&limit=100").ids == byID, "alias \(alias)")
        }
        let unknown = try client.get("/events?participant=Nobody%20Atall")
        #expect(unknown.status == 400)
        #expect(try unknown.json()["parameter"] as? String == "participant")
    }

    @Test func eventFiltersNarrow() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let all = try client.json("/events?limit=100")
        let total = try #require(all.meta["total"] as? Int)
        for query in ["status=scheduled", "status=proposed,scheduled", "kind=summit", "location=united-states",
                      "from=2025-08-01&to=2025-08-31", "from=2025-08", "to=2025", "q=alaska"] {
            let filtered = try client.json("/events?\(query)&limit=100")
            #expect((filtered.meta["total"] as? Int ?? -1) < total, "\(query) did not narrow")
            #expect((filtered.meta["total"] as? Int ?? 0) > 0, "\(query) matched nothing")
        }
        let august = try client.json("/events?from=2025-08-01&to=2025-08-31&limit=100").data
        for event in august {
            let date = try #require((event["start"] as? [String: Any])?["date"] as? String)
            #expect(date <= "2025-08-31")
        }
    }

    @Test func proposalsFilterBySupporterAndOpponent() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let opposed = try client.json("/proposals?opponent=Russia&limit=100").data
        #expect(!opposed.isEmpty)
        for proposal in opposed {
            let positions = (proposal["positions"] as? [[String: Any]]) ?? []
            #expect(positions.contains { ($0["entity"] as? [String: Any])?["id"] as? String == "russia" && $0["stance"] as? String == "oppose" })
        }
        #expect(try client.json("/proposals?kind=multinational-force").meta["total"] as? Int == 1)
        #expect(try client.get("/proposals?kind=teleportation").status == 400)
    }

    @Test func entitiesHaveCountsAndCoOccurrences() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let entity = try client.json("/entities/volodymyr-zelensky")
        #expect((entity["mentionCount"] as? Int ?? 0) >= 20)
        #expect(entity["articleCount"] as? Int == 5)
        #expect(!((entity["coOccurrences"] as? [[String: Any]]) ?? []).isEmpty)
        let resolved = try client.json("/entities/resolve?name=Zelenskiy")
        #expect((resolved["entity"] as? [String: Any])?["id"] as? String == "volodymyr-zelensky")
        #expect(resolved["matched"] as? String == "Zelenskiy")
        let people = try client.json("/entities?type=person&limit=100").data
        #expect(people.allSatisfy { $0["type"] as? String == "person" })
        let mentions = try client.json("/entities/volodymyr-zelensky/mentions?limit=100")
        #expect(mentions.meta["total"] as? Int == entity["mentionCount"] as? Int)
        for path in ["articles", "events", "proposals"] {
            let related = try client.json("/entities/volodymyr-zelensky/\(path)?limit=100")
            #expect(!related.data.isEmpty, "\(path)")
        }
    }

    @Test func articlesServeCleanedTextParagraphsAndMentions() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let article = try client.json("/articles/003-c24f74ecf8fca606?include=paragraphs,mentions,cleaning,text")
        #expect((article["paragraphs"] as? [Any])?.count == 5)
        let mentions = (article["mentions"] as? [[String: Any]]) ?? []
        #expect(!mentions.isEmpty)
        let sidebar = try client.json("/articles/001-c6ca088aedff6470?include=text")
        #expect(!((sidebar["text"] as? String) ?? "").contains("Read next"))
        #expect(try client.get("/articles/001-c6ca088aedff6470?include=everything").status == 400)
        for path in ["entities", "events", "proposals"] {
            _ = try client.json("/articles/004-d5eb6b1bfa0c14e8/\(path)")
        }
    }

    @Test func searchIsRankedMarkedAndTolerant() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let hits = try client.json("/search?q=security+guarantees").data
        #expect(!hits.isEmpty)
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("<mark>") == true })
        let singular = try client.json("/search?q=guarantee&limit=100").meta["total"] as? Int
        let plural = try client.json("/search?q=guarantees&limit=100").meta["total"] as? Int
        #expect(singular == plural)
        #expect(try client.json("/search?q=Z%C3%A9lensky").meta["total"] as? Int ?? 0 > 0)
        let phrase = try client.json("/search?q=%22security+guarantees%22&limit=100").meta["total"] as? Int ?? 0
        let loose = try client.json("/search?q=security+guarantees&limit=100").meta["total"] as? Int ?? 0
        #expect(phrase > 0 && phrase <= loose)
        #expect(try client.get("/search?q=").status == 400)
        #expect(try client.get("/search").status == 400)
        #expect(try client.json("/search?q=alaska&type=event").data.allSatisfy { $0["type"] as? String == "event" })
    }

    @Test func headMatchesGetWithoutBody() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let get = try client.get("/events")
        let head = try client.get("/events", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(try client.get("/healthz").status == 200)
    }
}
