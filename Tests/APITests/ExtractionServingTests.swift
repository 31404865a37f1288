import API
import Foundation
import Testing
import TestSupport

/// Extraction as served, over real sockets: the shipped seeds plus drop-in articles in the
/// style of wire copy (a Reuters story, its Yahoo syndication, a mangled copy, a Kyiv
/// Independent report of the same meeting, a TASS story, and a report whose "Thursday,
/// August 4" contradicts itself), with their dates and outlets in `articles.json` and no
/// curated annotations.
@Suite(.serialized) struct ExtractionServingTests {
    static let dropins: [(file: String, outlet: String, published: String)] = [
        ("wire-paris-coalition", "Reuters", "2025-09-04"),
        ("yahoo-syndicated", "Yahoo News", "2025-09-05"),
        ("wire-paris-coalition-mangled", "Reuters", "2025-09-04"),
        ("kyiv-independent-style", "The Kyiv Independent", "2025-09-04"),
        ("tass-vladivostok", "TASS", "2025-09-05"),
        ("contradiction", "Ukrainska Pravda", "2025-09-05"),
        ("dpa-berlin", "dpa", "2025-09-03"),
    ]

    static let dataset = datasetFromShippedSeeds("extraction") { seeds in
        let fixtures = URL(fileURLWithPath: repositorySeeds).deletingLastPathComponent()
            .appendingPathComponent("Tests/StoreTests/Fixtures/dropins/articles").path
        let index = seeds + "/articles.json"
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: index))) as? [String: Any] ?? [:]
        var entries = json["articles"] as? [[String: Any]] ?? []
        for dropin in dropins {
            try FileManager.default.copyItem(atPath: "\(fixtures)/\(dropin.file).txt", toPath: "\(seeds)/articles/\(dropin.file).txt")
            entries.append([
                "file": "\(dropin.file).txt", "title": dropin.file, "outlet": dropin.outlet,
                "published": ["date": dropin.published, "precision": "day", "reason": "given by the test"],
            ])
        }
        json["articles"] = entries
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: index))
    }

    static func withClient<T>(_ body: (RawClient) throws -> T) throws -> T {
        let (server, _) = try startAccord(dataset: dataset)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        return try body(client)
    }

    static func sources(_ record: [String: Any]) -> Set<String> { Set(record["sources"] as? [String] ?? []) }

    @Test func threeReportsOfTheParisMeetingAreOneEventAndCopiesAddNoRecord() throws {
        try Self.withClient { client in
            let events = try client.json("/events?limit=100").data
            let paris = events.filter { Self.sources($0).contains("wire-paris-coalition") }
            try #require(paris.count >= 1)
            // Every event a copy cites is one the original cites too: copies add sources, never records.
            for copy in ["yahoo-syndicated", "wire-paris-coalition-mangled"] {
                for event in events where Self.sources(event).contains(copy) {
                    #expect(Self.sources(event).contains("wire-paris-coalition"), "\(copy) made its own event \(event["id"] ?? "")")
                }
            }
            let meeting = try #require(paris.first { ($0["start"] as? [String: Any])?["date"] as? String == "2025-09-04"
                && ($0["location"] as? [String: Any])?["id"] as? String == "paris" })
            #expect(Self.sources(meeting).isSuperset(of: ["wire-paris-coalition", "yahoo-syndicated", "kyiv-independent-style"]))
            #expect((meeting["outletCount"] as? Int ?? 0) >= 3)
            #expect(meeting["provenance"] as? String == "extracted")
            #expect((meeting["confidence"] as? Double ?? 0) > 0 && (meeting["rule"] as? String ?? "").hasPrefix("trigger:"))
            let sameDay = events.filter { ($0["start"] as? [String: Any])?["date"] as? String == "2025-09-04"
                && ($0["location"] as? [String: Any])?["id"] as? String == "paris" }
            #expect(sameDay.count == 1, "one Paris meeting on 4 September: \(sameDay.map { $0["id"] ?? "" })")
            // "Thursday, August 4": the report stays a source of the meeting, with the conflict flagged.
            #expect(Self.sources(meeting).contains("contradiction"))
            let notes = meeting["notes"] as? [String] ?? []
            #expect(notes.contains { $0.contains("contradiction") && $0.contains("date conflict") && $0.contains("2025-08-04") }, "\(notes)")
        }
    }

    @Test func everyExtractedQuoteIsVerbatimAtItsOffsets() throws {
        try Self.withClient { client in
            var texts: [String: [String]] = [:]
            var checked = 0
            let records = try client.json("/events?limit=100&provenance=extracted").data + client.json("/proposals?limit=100").data
            for record in records {
                let positions = (record["positions"] as? [[String: Any]] ?? []).flatMap { $0["evidence"] as? [[String: Any]] ?? [] }
                for item in (record["evidence"] as? [[String: Any]] ?? []) + positions where item["provenance"] as? String == "extracted" {
                    let article = try #require(item["article"] as? String)
                    if texts[article] == nil {
                        let paragraphs = try client.json("/articles/\(article)?include=paragraphs")["paragraphs"] as? [[String: Any]] ?? []
                        texts[article] = paragraphs.map { $0["text"] as? String ?? "" }
                    }
                    let paragraph = Array((texts[article] ?? [])[item["paragraph"] as? Int ?? 0].unicodeScalars)
                    let start = item["start"] as? Int ?? -1
                    let end = item["end"] as? Int ?? -1
                    try #require(start >= 0 && end <= paragraph.count && start < end)
                    #expect(String(String.UnicodeScalarView(paragraph[start..<end])) == item["quote"] as? String)
                    checked += 1
                }
            }
            #expect(checked >= 5, "extracted evidence checked: \(checked)")
        }
    }

    @Test func provenanceFiltersPartitionEveryList() throws {
        try Self.withClient { client in
            for path in ["/events", "/proposals"] {
                let all = try client.json("\(path)?limit=100").ids
                let curated = try client.json("\(path)?limit=100&provenance=curated").data
                let extracted = try client.json("\(path)?limit=100&provenance=extracted").data
                #expect(curated.allSatisfy { $0["provenance"] as? String == "curated" && $0["confidence"] is NSNull })
                #expect(extracted.allSatisfy { $0["provenance"] as? String == "extracted" && $0["rule"] is String })
                #expect(!extracted.isEmpty, "\(path) has extracted records")
                #expect(Set(curated.compactMap { $0["id"] as? String } + extracted.compactMap { $0["id"] as? String }) == Set(all))
                let bad = try client.get("\(path)?provenance=guessed")
                #expect(bad.status == 400)
            }
            // And on an entity's events and proposals.
            for path in ["/entities/vladimir-putin/events", "/entities/vladimir-putin/proposals"] {
                let all = try client.json("\(path)?limit=100").ids
                let curated = try client.json("\(path)?limit=100&provenance=curated").ids
                let extracted = try client.json("\(path)?limit=100&provenance=extracted").ids
                #expect(Set(curated + extracted) == Set(all) && Set(curated).isDisjoint(with: extracted))
            }
            // The same field in CSV and GeoJSON.
            let csv = try client.get("/events?format=csv&provenance=extracted&limit=100")
            let header = csv.text.split(separator: "\r\n").first.map(String.init) ?? ""
            #expect(header.split(separator: ",").contains("provenance") && header.contains("statusAsOf.article"))
            #expect(csv.text.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",extracted,") })
            let geo = try client.json("/events?format=geojson&provenance=extracted&limit=100")
            let features = geo["features"] as? [[String: Any]] ?? []
            #expect(!features.isEmpty && features.allSatisfy { ($0["properties"] as? [String: Any])?["provenance"] as? String == "extracted" })
        }
    }

    @Test func putinsWarningIsAnExtractedOpposePositionOnTheForce() throws {
        try Self.withClient { client in
            let force = try client.json("/proposals/multinational-reassurance-contingent")
            #expect(force["provenance"] as? String == "curated", "curated wins: the record stays curated")
            let positions = force["positions"] as? [[String: Any]] ?? []
            let extracted = positions.filter { $0["provenance"] as? String == "extracted" }
            let opposed = extracted.filter { $0["stance"] as? String == "oppose" }
            #expect(!opposed.isEmpty, "\(extracted)")
            for position in extracted {
                #expect((position["date"] as? [String: Any])?["date"] is String, "positions carry their dates")
                #expect((position["rule"] as? String ?? "").hasPrefix("stance:"))
                let evidence = position["evidence"] as? [[String: Any]] ?? []
                #expect(!evidence.isEmpty && evidence.allSatisfy { $0["provenance"] as? String == "extracted" })
            }
            let vladivostok = extracted.filter { ($0["entity"] as? [String: Any])?["id"] as? String == "vladimir-putin" }
            let quote = (vladivostok.first?["evidence"] as? [[String: Any]])?.first?["quote"] as? String ?? ""
            #expect(vladivostok.first?["stance"] as? String == "oppose" && quote.contains("legitimate targets"), "\(vladivostok)")
            // NATO membership is not the NATO-like guarantee: an extracted proposal of its own.
            let membership = try client.json("/proposals/extracted-nato-membership")
            #expect(membership["provenance"] as? String == "extracted" && membership["kind"] as? String == "collective-defence-commitment")
            let merz = (membership["positions"] as? [[String: Any]] ?? []).first
            #expect((merz?["entity"] as? [String: Any])?["id"] as? String == "friedrich-merz" && merz?["stance"] as? String == "oppose")
            #expect((merz?["date"] as? [String: Any])?["date"] as? String == "2025-09-03")
            // Curated positions are untouched.
            #expect(positions.filter { $0["provenance"] as? String == "curated" }.count == 4)
        }
    }

    @Test func statusAsOfAndOverdueFollowTheNewestArticle() throws {
        try Self.withClient { client in
            let articles = try client.json("/articles?limit=100").data
            var published: [String: String] = [:]
            for article in articles {
                if let date = (article["published"] as? [String: Any])?["date"] as? String { published[article["id"] as? String ?? ""] = date }
            }
            let newest = try #require(published.values.max())
            #expect(newest == "2025-09-05")
            let events = try client.json("/events?limit=100").data
            for event in events {
                let asOf = try #require(event["statusAsOf"] as? [String: Any], "\(event["id"] ?? "")")
                let article = try #require(asOf["article"] as? String)
                #expect(Self.sources(event).contains(article))
                let latest = Self.sources(event).compactMap { published[$0] }.max()
                #expect((asOf["date"] as? [String: Any])?["date"] as? String == latest)
                // Overdue: scheduled, and its period ended before the newest article.
                let start = (event["start"] as? [String: Any])
                let end = (event["end"] as? [String: Any]) ?? start
                let overdue = event["overdue"] as? Bool
                if event["status"] as? String != "scheduled" || end == nil { #expect(overdue == false) }
                if event["status"] as? String == "scheduled", end?["precision"] as? String == "day",
                   let last = end?["date"] as? String { #expect(overdue == (last < newest), "\(event["id"] ?? "")") }
            }
            let overdue = try client.json("/events?limit=100&overdue=true").data
            #expect(overdue.allSatisfy { $0["overdue"] as? Bool == true && $0["status"] as? String == "scheduled" })
            let rest = try client.json("/events?limit=100&overdue=false").ids
            #expect(overdue.count + rest.count == events.count)
            let proposal = try client.json("/proposals/multinational-reassurance-contingent")
            let asOf = proposal["statusAsOf"] as? [String: Any]
            #expect((asOf?["date"] as? [String: Any])?["date"] as? String == "2025-09-05" || (asOf?["date"] as? [String: Any])?["date"] as? String == "2025-09-04")
        }
    }
}
