import Testing
@testable import Store

/// Stance extraction: sentence → position tables, and the measure on the shipped seeds with the
/// curated positions set aside.
@Suite struct StanceExtractionTests {
    static func extract(_ sentence: String, published: String = "2025-09-05", extra: [SeedFile] = []) throws -> [StanceExtractor.Candidate] {
        let entities = StoreFixtures.entitiesJSON("""
            {"id": "vladimir-putin", "type": "person", "name": "Vladimir Putin", "aliases": [{"text": "Putin", "kind": "short-form"}]},
            {"id": "donald-trump", "type": "person", "name": "Donald Trump", "aliases": [{"text": "Trump", "kind": "short-form"}]},
            {"id": "volodymyr-zelensky", "type": "person", "name": "Volodymyr Zelensky", "aliases": [{"text": "Zelensky", "kind": "short-form"}]},
            {"id": "yuri-ushakov", "type": "person", "name": "Yuri Ushakov", "aliases": [{"text": "Ushakov", "kind": "short-form"}]},
            {"id": "friedrich-merz", "type": "person", "name": "Friedrich Merz", "aliases": [{"text": "Merz", "kind": "short-form"}]},
            {"id": "emmanuel-macron", "type": "person", "name": "Emmanuel Macron", "aliases": [{"text": "Macron", "kind": "short-form"}]},
            {"id": "russia", "type": "country", "name": "Russia", "aliases": [{"text": "Moscow", "kind": "other"}]},
            {"id": "ukraine", "type": "country", "name": "Ukraine", "aliases": []},
            {"id": "nato", "type": "organisation", "name": "NATO", "aliases": []},
            {"id": "european-union", "type": "organisation", "name": "European Union", "aliases": [{"text": "EU", "kind": "acronym"}]}
            """)
        let article = StoreFixtures.file("articles/a.txt", sentence)
        let meta = StoreFixtures.file("articles.json", """
            {"articles": [{"file": "a.txt", "title": "T", "outlet": null,
              "published": {"date": "\(published)", "precision": "day", "reason": "test"}}]}
            """)
        let base = try StoreFixtures.load([article, entities, meta] + extra).knowledgeBase
        return StanceExtractor(knowledgeBase: base).candidates()
    }

    @Test(arguments: [
        ("Putin said any Western troops in Ukraine would be legitimate targets.", "vladimir-putin", Position.Stance.oppose, "multinational-force"),
        ("Merz and French President Emmanuel Macron both voiced support for a ceasefire.", "friedrich-merz", .support, "ceasefire"),
        ("Russia's foreign ministry ruled out the deployment of troops from NATO countries.", "russia", .oppose, "multinational-force"),
        ("Zelensky urged the United States to increase sanctions on Russia.", "volodymyr-zelensky", .support, "sanctions"),
        ("EU defence ministers pledged to train Ukraine's troops on Ukrainian soil.", "european-union", .support, "training-mission"),
        ("Trump did not support NATO membership for Ukraine.", "donald-trump", .oppose, "nato-membership"),
        ("Moscow has rejected any peace deal that leaves Ukraine in NATO.", "russia", .oppose, "peace-deal"),
        ("Zelensky said Kyiv would accept a ceasefire only if Russia withdraws.", "volodymyr-zelensky", .conditional, "ceasefire"),
        ("Putin won't rule out a truce.", "vladimir-putin", .conditional, "ceasefire"),
        ("Zelensky welcomed the security guarantees.", "volodymyr-zelensky", .support, "security-guarantees"),
        ("The plan faces open resistance to troops from Russia.", "russia", .oppose, "multinational-force"),
        ("Ushakov said Russia was not ready to accept a ceasefire.", "yuri-ushakov", .oppose, "ceasefire"),
        ("Macron backed sending European troops to Ukraine.", "emmanuel-macron", .support, "multinational-force"),
        ("Zelensky rejected any peace plan that cedes territory.", "volodymyr-zelensky", .oppose, "peace-deal"),
        // A negator before "accept", or before an adverb before the cue.
        ("Russia did not accept Kyiv's offer of a truce.", "russia", .oppose, "ceasefire"),
        ("Merz said Berlin did not fully support sending troops.", "friedrich-merz", .oppose, "multinational-force"),
        // A reversal withdraws the cue after it.
        ("Trump dropped his call for an immediate ceasefire.", "donald-trump", .oppose, "ceasefire"),
        // An intention under a modal or a negator.
        ("Macron said France would send troops once the fighting stops.", "emmanuel-macron", .support, "multinational-force"),
        ("Merz said Germany will not send troops.", "friedrich-merz", .oppose, "multinational-force"),
        ("Merz said Germany was not planning to send troops.", "friedrich-merz", .oppose, "multinational-force"),
        ("Russia has no plans to accept a ceasefire.", "russia", .oppose, "ceasefire"),
        // A gerund of a cue; a predicate after its object; territory is a topic of its own.
        ("Zelensky is calling for a ceasefire before any talks.", "volodymyr-zelensky", .support, "ceasefire"),
        ("Merz said territorial concessions were not up for debate.", "friedrich-merz", .oppose, "territorial-concessions"),
        ("Zelensky said giving up territory was out of the question.", "volodymyr-zelensky", .oppose, "territorial-concessions"),
        // Needing it, offering it; adding pressure; not agreeing to it; contingents are troops.
        ("Zelensky said Ukraine needed security guarantees before any ceasefire could hold.", "volodymyr-zelensky", .support, "security-guarantees"),
        ("Russia would not agree to any ceasefire before a comprehensive agreement.", "russia", .oppose, "ceasefire"),
        ("Merz said Europe should step up the economic pressure on Russia.", "friedrich-merz", .support, "sanctions"),
        ("Putin said the deployment of European military contingents in Ukraine would be unacceptable.", "vladimir-putin", .oppose, "multinational-force"),
        // Troops withdrawing from land they hold is territory, not foreign troops.
        ("Zelensky again rejected the demand that Ukrainian troops withdraw from the Donetsk region.", "volodymyr-zelensky", .oppose, "territorial-concessions"),
        ("Russia insists that Ukraine must withdraw its forces from the Donbas region.", "russia", .support, "territorial-concessions"),
        // "unacceptable" is about what comes before it, not the guarantees after it.
        ("Putin said foreign troops were unacceptable as part of any security guarantees.", "vladimir-putin", .oppose, "multinational-force"),
        // Proposing, and being prepared to; tariffs on Russia's buyers are sanctions pressure.
        ("The European Union will soon propose a new package of sanctions against Russia.", "european-union", .support, "sanctions"),
        ("Trump said he was prepared to impose tariffs on buyers of Russian oil.", "donald-trump", .support, "sanctions"),
        // The person the reported words are about holds the stance, not the one reporting it.
        ("Ushakov said Putin was ready to accept a ceasefire.", "vladimir-putin", .support, "ceasefire"),
        ("Ushakov told reporters that Putin would reject a ceasefire.", "vladimir-putin", .oppose, "ceasefire"),
        // A meeting of the leaders is a topic of its own.
        ("Zelensky said he was ready for a meeting with Putin in any format.", "volodymyr-zelensky", .support, "leaders-meeting"),
        ("Russia dismissed talk of a summit with Zelensky.", "russia", .oppose, "leaders-meeting"),
        ("Putin said he would accept a meeting with Zelensky only after the agenda was ready.", "vladimir-putin", .conditional, "leaders-meeting"),
    ] as [(String, String, Position.Stance, String)])
    func sentenceToPosition(_ sentence: String, _ entity: String, _ stance: Position.Stance, _ topic: String) throws {
        let candidates = try Self.extract(sentence)
        let candidate = try #require(candidates.first { $0.entity == entity && $0.topic == topic }, "\(sentence): \(candidates)")
        #expect(candidate.stance == stance, "\(sentence)")
        #expect(candidate.quote == sentence, "the sentence is the verbatim evidence")
        #expect(candidate.date?.iso == "2025-09-05", "dated by publication")
        #expect(candidate.rule.hasPrefix("stance:") && candidate.confidence > 0 && candidate.confidence <= 1)
    }

    /// A capital names its country's government ("Kyiv has rejected"); the subject of a relative
    /// clause holds what the clause says, about the term before it; a condition is about what
    /// comes before it; a hyphen is no word between a cue and its object.
    @Test(arguments: [
        ("Russia insists that Ukrainian troops withdraw from the Donetsk region, a demand Kyiv has rejected.", "ukraine", Position.Stance.oppose, "territorial-concessions"),
        ("Zelensky backed a proposal for a ceasefire, which Kyiv has long wanted.", "ukraine", .support, "ceasefire"),
        ("Trump has backed a U.S. proposal for an immediate and unconditional 30-day ceasefire.", "donald-trump", .support, "ceasefire"),
        ("Putin said a ceasefire would only be possible after a comprehensive agreement.", "vladimir-putin", .conditional, "ceasefire"),
        ("Macron said the reassurance force would be deployed only once a ceasefire is in place.", "emmanuel-macron", .conditional, "multinational-force"),
        ("Ushakov said such a summit could only take place once an agreement was ready.", "yuri-ushakov", .conditional, "leaders-meeting"),
        // A capital in a dateline holds nothing; a passive's actor is the one "by" whom.
        ("Kyiv (EXA).- Russia on Thursday rejected the deployment of a reassurance force.", "russia", .oppose, "multinational-force"),
        ("The ceasefire plan Russia proposed was rejected by Ukraine.", "ukraine", .oppose, "ceasefire"),
    ] as [(String, String, Position.Stance, String)])
    func capitalsRelativeClausesAndConditions(_ sentence: String, _ entity: String, _ stance: Position.Stance, _ topic: String) throws {
        let capitals = StoreFixtures.file("gazetteer/countries.json", """
            {"countries": [{"id": "ukraine", "name": "Ukraine", "capital": {"id": "kyiv", "name": "Kyiv", "aliases": []}}]}
            """)
        let candidates = try Self.extract(sentence, extra: [capitals])
        let candidate = try #require(candidates.first { $0.entity == entity && $0.topic == topic }, "\(sentence): \(candidates)")
        #expect(candidate.stance == stance, "\(sentence)")
        // The capital is never the holder itself, and a condition's term is not its object.
        #expect(!candidates.contains { $0.entity == "kyiv" }, "\(candidates)")
        #expect(!candidates.contains { $0.entity == "ukraine" && $0.topic == "multinational-force" }, "a dateline's capital: \(candidates)")
        #expect(!candidates.contains { $0.entity == "russia" && $0.topic == "ceasefire" && $0.stance == .oppose }, "a passive's subject: \(candidates)")
        if topic == "multinational-force" { #expect(!candidates.contains { $0.topic == "ceasefire" }, "\(candidates)") }
    }

    /// A news outlet reports or interviews: it holds no stance, the one it quotes does.
    @Test func aNewsOutletHoldsNoStance() throws {
        let outlets = StoreFixtures.file("gazetteer/outlets.json", """
            {"outlets": [{"id": "example-news", "name": "Example News", "kind": "broadcaster", "aliases": []}]}
            """)
        let candidates = try Self.extract("Example News reported that Merz backed a ceasefire.", extra: [outlets])
        #expect(candidates.map(\.entity) == ["friedrich-merz"], "\(candidates)")
        let told = try Self.extract("Ushakov spoke on Friday. He told Example News that Russia rejected any ceasefire.", extra: [outlets])
        #expect(told.map(\.entity) == ["russia"], "\(told)")
    }

    /// "He said" with no name in the sentence: the person the sentence before named; not across
    /// a paragraph with no person, and not when the sentence names its own actor.
    @Test func aPronounSpeakerIsThePersonNamedBefore() throws {
        let resolved = try Self.extract("Ushakov spoke to reporters on Friday. He said any ceasefire was unacceptable.")
        #expect(resolved.map(\.entity) == ["yuri-ushakov"], "\(resolved)")
        #expect(resolved.first?.stance == .oppose && resolved.first?.topic == "ceasefire")
        #expect(resolved.first?.quote == "He said any ceasefire was unacceptable.", "the evidence is the sentence that states it")
        let named = try Self.extract("Ushakov spoke to reporters on Friday. He said Merz backed a ceasefire.")
        #expect(named.map(\.entity) == ["friedrich-merz"], "\(named)")
        let apart = try Self.extract("Ushakov spoke to reporters on Friday.\n\nThe talks ended late.\n\nHe said any ceasefire was unacceptable.")
        #expect(apart.isEmpty, "\(apart)")
        // "he" after another speaker's verb is that speaker, not the person named before.
        let official = try Self.extract("Ushakov spoke to reporters on Friday. An official said he opposed any ceasefire.")
        #expect(official.isEmpty, "\(official)")
    }

    /// A speaker in a contrasting clause after the cue ("…, while Merz said …") does not hold it.
    @Test func aSpeakerInTheNextClauseIsNotTheActor() throws {
        let candidates = try Self.extract(
            "French President Emmanuel Macron repeated that France would not send troops to Ukraine, while Merz said Berlin would decide in due course.")
        #expect(candidates.map(\.entity) == ["emmanuel-macron"], "\(candidates)")
        #expect(candidates.first?.stance == .oppose)
        #expect(candidates.first?.topic == "multinational-force")
        // Inside a quotation, the clauses are the speaker's.
        let quoted = try Self.extract("\"France would not send troops to Ukraine, but it will help,\" Macron said.")
        #expect(quoted.map(\.entity) == ["emmanuel-macron"], "\(quoted)")
    }

    @Test(arguments: [
        "Analysts expect little progress on a ceasefire.",
        "Ushakov said there was no agreement.",
        "The troops of Ukraine fought on.",
        "Zelensky met Putin.",
        // A fact, not an intention: "sent troops" states no stance on foreign troops in Ukraine.
        "Russia sent troops to the border.",
        // An open question states no stance.
        "Russia has not said whether it would accept a ceasefire.",
        // A meeting or summit as the setting, a claim's content, a condition: no stance on a meeting.
        "Trump made the pledge during an extraordinary summit at the White House.",
        "Trump backed the plan after meeting with Putin in Alaska.",
        "Trump rejected claims that the Alaska summit was a win for Putin.",
        "Trump set a deadline if Putin fails to commit to a meeting with Zelensky.",
    ])
    func noStanceWithoutCueTermAndActor(_ sentence: String) throws {
        #expect(try Self.extract(sentence).isEmpty, "\(sentence)")
    }

    @Test func aStatementDatedInTheSentenceKeepsThatDate() throws {
        let candidate = try #require(try Self.extract("Putin on Tuesday rejected the ceasefire.").first)
        #expect(candidate.date?.iso == "2025-09-02")
        #expect(candidate.stance == .oppose)
    }

    /// An extracted position matches a curated one with the same actor and stance on a proposal
    /// of the topic's kind, or whose evidence its sentence overlaps.
    static func matches(_ candidate: StanceExtractor.Candidate, _ proposal: Proposal, _ position: Position) -> Bool {
        guard candidate.entity == position.entity, candidate.stance == position.stance else { return false }
        if candidate.kind == proposal.kind { return true }
        return position.evidence.contains { $0.article == candidate.article && $0.paragraph == candidate.paragraph
            && $0.start < candidate.end && $0.end > candidate.start }
    }

    @Test func precisionAndRecallOnTheSeedsAreMeasured() {
        let base = EventExtractionTests.base
        let candidates = StanceExtractor(knowledgeBase: base).candidates()
        let positions = base.proposals.flatMap { proposal in proposal.positions.map { (proposal, $0) } }
        let found = positions.filter { proposal, position in candidates.contains { Self.matches($0, proposal, position) } }
        let real = candidates.filter { candidate in positions.contains { Self.matches(candidate, $0.0, $0.1) } }
        let recall = Double(found.count) / Double(positions.count)
        let precision = candidates.isEmpty ? 0 : Double(real.count) / Double(candidates.count)
        print("stance extraction on the seeds: recall \(found.count)/\(positions.count) = \(recall), "
              + "precision \(real.count)/\(candidates.count) = \(precision)")
        for (proposal, position) in positions where !found.contains(where: { $0.0.id == proposal.id && $0.1 == position }) {
            print("  missed: \(position.entity) \(position.stance.rawValue) \(proposal.id)")
        }
        for candidate in candidates where !real.contains(candidate) {
            print("  not curated: \(candidate.entity) \(candidate.stance.rawValue) \(candidate.topic) [\(candidate.rule)] — \(candidate.quote.prefix(90))")
        }
        #expect(recall >= 0.25, "recall \(recall)")
        #expect(precision >= 0.6, "precision \(precision)")
    }
}
