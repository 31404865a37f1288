import Testing
@testable import Store

/// The corrections from the sentence-by-sentence audit of the curated record (issue #14),
/// each pinned so that it cannot quietly come back.
@Suite struct CuratedCorrectionsTests {
    static let base: KnowledgeBase = {
        do { return try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase } catch {
            fatalError("the shipped seeds must load: \(error)")
        }
    }()

    func event(_ id: String) throws -> Event { try #require(Self.base.event(id: id), "\(id)") }
    func proposal(_ id: String) throws -> Proposal { try #require(Self.base.proposal(id: id), "\(id)") }
    func role(_ event: Event, _ entity: String) -> Participant.Role? { event.participants.first { $0.entity == entity }?.role }

    @Test func aPossibleVenueIsNotALocationAndTheTwoWeeksAreRecorded() throws {
        let meeting = try event("putin-zelensky-meeting")
        #expect(meeting.location == nil, "'could take place in Hungary' is not a decided venue")
        #expect(meeting.evidence.contains { $0.quote.contains("within the next two weeks") })
        #expect(meeting.summary.contains("could take place in Hungary"))
    }

    @Test func europeanCountriesAreGuarantorsToo() throws {
        #expect(try proposal("us-help-guaranteeing-security").guarantors.contains("europe"))
    }

    @Test func theTwoKyivMeetingsAreTwoEventsEachWithItsOwnParticipants() throws {
        let kyiv = try event("allied-military-talks-kyiv-2025-04-04")
        #expect(!kyiv.participants.contains { ["united-kingdom", "france"].contains($0.entity) })
        let military = try event("uk-france-ukraine-military-meeting")
        #expect(Set(military.participants.map(\.entity)) == ["united-kingdom", "france", "ukraine"])
    }

    @Test func theMineralsConditionIsAccessToResourceIncome() throws {
        let deal = try proposal("us-ukraine-minerals-agreement")
        #expect(deal.conditions.contains { $0.text.contains("natural-resource income") || $0.text.contains("natural resource income") })
    }

    @Test func rolesFollowTheText() throws {
        #expect(role(try event("oval-office-meeting-2025-02-28"), "jd-vance") == .principal)
        #expect(role(try event("rutte-kyiv-visit-2025-08-22"), "volodymyr-zelensky") == .host)
        #expect(try event("putin-china-trip-2025-08-31").enrichment.contains { $0.hasPrefix("participants") })
    }

    @Test func theUSIsNotAGuarantorOfWhatItIsAskedToDoOrSells() throws {
        #expect(!(try proposal("sanctions-pressure-on-russia").guarantors.contains("united-states")))
        #expect(!(try proposal("ukraine-us-weapons-purchase").guarantors.contains("united-states")))
    }

    @Test func theReferendumIsAUkrainianConstraintNotPutinsCondition() throws {
        let terms = try proposal("putin-alaska-territorial-terms")
        #expect(!terms.conditions.contains { $0.text.lowercased().contains("referendum") })
        #expect(terms.positions.contains { $0.entity == "ukraine" && $0.evidence.contains { $0.quote.lowercased().contains("referendum") } })
    }

    @Test func oneCeasefireProposalNotTwo() throws {
        #expect(Self.base.proposal(id: "us-ceasefire-and-direct-talks") == nil)
        #expect(try proposal("ceasefire-before-talks").proposers.contains("united-states"))
    }

    @Test func everyPositionHasADateAndDescriptionsFromOutsideTheTextAreEnrichment() throws {
        for proposal in Self.base.proposals {
            for position in proposal.positions { #expect(position.date != nil, "\(proposal.id): \(position.entity)") }
        }
        for id in ["andriy-yermak", "yuri-ushakov", "atlantic-council", "kyiv", "european-union", "international-criminal-court", "telegram", "x"] {
            #expect(Self.base.entity(id: id)?.enrichment.contains("description") == true, "\(id)")
        }
    }
}
