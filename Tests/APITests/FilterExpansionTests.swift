import API
import Foundation
import Testing
import TestSupport

/// Entity filters expand one way (the entity, then what acts for it, belongs to it or lies in
/// it), say how in `meta.expanded`, and `match=exact` turns it off. The analyst's queries on
/// the shipped seeds, over real sockets.
@Suite(.serialized) struct FilterExpansionTests {
    static func ids(_ target: String) throws -> (ids: [String], expanded: [String: [String]]) {
        let (server, _) = try startAccord()
        let page = try server.client().json(target)
        return (page.ids, page.meta["expanded"] as? [String: [String]] ?? [:])
    }

    @Test func participantRussiaIncludesPutinAndTheKremlin() throws {
        let (events, expanded) = try Self.ids("/events?participant=Russia&limit=100")
        for id in ["alaska-summit-2025-08-15", "trump-putin-phone-call-2025-08-18", "putin-zelensky-meeting",
                   "trilateral-summit-trump-putin-zelensky", "putin-china-trip-2025-08-31"] {
            #expect(events.contains(id), "participant=Russia misses \(id)")
        }
        let scope = try #require(expanded["participant"])
        #expect(scope.first == "russia")
        #expect(scope.contains("vladimir-putin") && scope.contains("kremlin") && scope.contains("moscow") && scope.contains("dmitry-peskov"))
        // match=exact: only events that list Russia itself.
        let (exact, exactScope) = try Self.ids("/events?participant=Russia&match=exact&limit=100")
        #expect(exactScope["participant"] == ["russia"])
        #expect(exact.count < events.count && Set(exact).isSubset(of: events) && !exact.contains("alaska-summit-2025-08-15"))
    }

    @Test func searchKeepsOnlyHitsInvolvingTheEntityAndSaysHow() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        let all = try client.json("/search?q=security+guarantees&limit=1000").data
        let filtered = try client.json("/search?q=security+guarantees&entity=Zelenskiy&match=exact&limit=1000")
        let kept = filtered.data.map { "\($0["type"] as? String ?? ""):\($0["id"] as? String ?? "")" }
        #expect(!kept.isEmpty && kept.count < all.count, "\(kept.count) of \(all.count)")
        #expect((filtered.meta["expanded"] as? [String: [String]])?["entity"] == ["volodymyr-zelensky"])
        // Each kept hit involves him, checked through the API's own relations; none that does is dropped.
        let involved = Set(
            try client.json("/entities/volodymyr-zelensky/articles?limit=1000").ids.map { "article:\($0)" }
            + client.json("/entities/volodymyr-zelensky/events?limit=1000").ids.map { "event:\($0)" }
            + client.json("/entities/volodymyr-zelensky/proposals?limit=1000").ids.map { "proposal:\($0)" }
            + ["entity:volodymyr-zelensky"]
        )
        let everything = all.map { "\($0["type"] as? String ?? ""):\($0["id"] as? String ?? "")" }
        #expect(kept == everything.filter { involved.contains($0) }, "the rank order is kept")
        #expect(try client.get("/search?q=talks&entity=nobody-at-all").status == 400)
    }

    @Test func participantKremlinFindsThePresidencysEvents() throws {
        let (events, expanded) = try Self.ids("/events?participant=Kremlin&limit=100")
        #expect(events.contains("alaska-summit-2025-08-15"), "\(events)")
        #expect(expanded["participant"]?.contains("vladimir-putin") == true)
    }

    /// `participant` and `location` expand the same way: location=United States takes in its places.
    @Test func locationAndParticipantExpandAlike() throws {
        let (located, expanded) = try Self.ids("/events?location=United%20States&limit=100")
        #expect(located.contains("alaska-summit-2025-08-15"))
        #expect(expanded["location"]?.contains("alaska") == true && expanded["location"]?.contains("donald-trump") == true)
        let (exact, _) = try Self.ids("/events?location=United%20States&match=exact&limit=100")
        #expect(!exact.contains("alaska-summit-2025-08-15"), "exact: only events located in the country itself")
    }

    @Test func entityFilterMatchesAnyRole() throws {
        let (events, _) = try Self.ids("/events?entity=Alaska&limit=100")
        #expect(events == ["alaska-summit-2025-08-15"], "the location role")
        let (byPutin, _) = try Self.ids("/events?entity=Putin&limit=100")
        let (asParticipant, _) = try Self.ids("/events?participant=Putin&limit=100")
        #expect(Set(asParticipant).isSubset(of: byPutin))
        let (proposals, expanded) = try Self.ids("/proposals?entity=Russia&limit=100")
        #expect(proposals.contains("multinational-reassurance-contingent") && proposals.contains("ceasefire-before-talks"))
        #expect(expanded["entity"]?.first == "russia")
        let (nato, _) = try Self.ids("/proposals?entity=NATO&limit=100")
        let (rutte, _) = try Self.ids("/proposals?entity=Rutte&match=exact&limit=100")
        #expect(Set(rutte).isSubset(of: nato), "Rutte acts for NATO")
    }

    @Test func undatedRecordsAreExcludedFromDateRangesUnlessAskedFor() throws {
        let (dated, _) = try Self.ids("/events?from=2025-08-01&to=2025-08-31&limit=100")
        let (all, _) = try Self.ids("/events?from=2025-08-01&to=2025-08-31&undated=include&limit=100")
        #expect(!dated.contains("putin-zelensky-meeting"))
        #expect(all.contains("putin-zelensky-meeting") && Set(dated).isSubset(of: all))
        let (server, _) = try startAccord()
        #expect(try server.client().get("/events?undated=maybe").status == 400)
        #expect(try server.client().get("/events?match=fuzzy").status == 400)
    }
}
