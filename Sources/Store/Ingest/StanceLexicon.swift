/// The words stance extraction reads, as data: the cues that state a stance, the negators that
/// turn one, and the proposal topics (by kind, with the terms that name them) a stance can be
/// about. Phrases are written as they read; they are tokenised the way sentences are
/// (``TemporalTokens``), so "cease-fire" and "won’t" match however they are typed.
enum StanceLexicon {
    /// What a stance is about: a kind of proposal and the words that name it.
    struct Topic: Sendable, Hashable {
        /// Used for the id of a proposal created from it (`extracted-<id>`).
        let id: String
        let kind: Proposal.Kind
        /// The title of a proposal created from it.
        let title: String
        let terms: [String]
        /// What names the topic in a proposal's title or summary (``terms`` unless they are too
        /// common for that: "a summit" in a summary is where something was said).
        var proposalTerms: [String]?
        /// Its terms also name where or when something was said ("during a summit", "after
        /// meeting Putin"): such a mention is a setting, not the object of a stance.
        var namesSettings = false

        init(id: String, kind: Proposal.Kind, title: String, terms: [String], proposalTerms: [String]? = nil, namesSettings: Bool = false) {
            (self.id, self.kind, self.title, self.terms, self.proposalTerms) = (id, kind, title, terms, proposalTerms)
            self.namesSettings = namesSettings
        }
    }

    static let topics: [Topic] = [
        Topic(id: "multinational-force", kind: .multinationalForce, title: "Foreign troops deployed in Ukraine", terms: [
            "troops", "troop", "soldiers", "reassurance force", "multinational force", "multinational contingent",
            "peacekeepers", "peacekeeping force", "peacekeeping mission", "boots on the ground", "foreign forces",
            "western forces", "european forces", "military contingent", "deployment of forces", "military presence",
            "military contingents", "contingents", "contingent", "deployment of troops",
        ]),
        Topic(id: "nato-membership", kind: .collectiveDefenceCommitment, title: "NATO membership for Ukraine", terms: [
            "nato membership", "membership in nato", "join nato", "joining nato", "accession to nato", "nato accession",
        ]),
        Topic(id: "collective-defence", kind: .collectiveDefenceCommitment, title: "Article 5-style collective defence for Ukraine", terms: [
            "article 5", "article five", "collective defence", "collective defense", "nato-like", "mutual defence", "mutual defense",
        ]),
        Topic(id: "security-guarantees", kind: .other, title: "Security guarantees for Ukraine", terms: [
            "security guarantees", "security guarantee", "security assurances", "guarantees",
        ]),
        Topic(id: "ceasefire", kind: .ceasefire, title: "A ceasefire", terms: [
            "ceasefire", "cease-fire", "truce", "cessation of hostilities", "halt to the fighting",
        ]),
        Topic(id: "sanctions", kind: .sanctionsPressure, title: "Sanctions on Russia", terms: [
            "sanctions", "secondary sanctions", "secondary tariffs", "embargo", "tariffs", "economic pressure",
            "pressure on russia", "pressure on moscow", "pressure on putin", "pressure on the kremlin", "sanctions package",
            "package of sanctions",
        ]),
        Topic(id: "training-mission", kind: .trainingMission, title: "Training Ukrainian forces", terms: [
            "training mission", "train", "training",
        ]),
        Topic(id: "arms-supply", kind: .armsSupply, title: "Weapons for Ukraine", terms: [
            "weapons", "arms", "air defence", "air defense", "missiles", "long-range missiles", "military aid",
        ]),
        Topic(id: "peace-deal", kind: .peaceProcess, title: "A peace agreement", terms: [
            "peace deal", "peace agreement", "peace plan", "peace settlement", "peace proposal",
        ]),
        Topic(id: "territorial-concessions", kind: .peaceProcess, title: "Ukraine ceding territory to Russia", terms: [
            "territorial concessions", "territorial concession", "land swap", "land swaps", "swap of territory",
            "exchange of territory", "cede territory", "ceding territory", "give up territory", "giving up territory",
            "give up land", "withdraw from donbas", "withdrawal from donbas",
            // Troops leaving land they hold is this, not foreign troops coming in ("the demand that
            // Ukrainian troops withdraw from the Donetsk region").
            "troops withdraw", "troops to withdraw", "forces withdraw", "forces to withdraw", "troops leave", "troops to leave",
            "forces leave", "forces to leave", "withdraw its troops", "withdraw its forces", "withdraw their troops",
            "withdraw their forces", "withdrawing its forces", "withdrawing its troops", "withdrawal of ukrainian troops",
            "withdrawal of ukrainian forces", "pull its forces back", "pull back its forces", "pull its troops back",
            "hand over", "handing over", "cede", "ceding", "give away our land", "give up our land", "territorial issue",
            "territorial question", "territorial demands", "territorial demand",
        ]),
        // Who wants the leaders to meet, and on what terms ("ready to meet Putin", "a summit only
        // when an agenda is ready"): the most frequent subject of stances in the outside sets.
        Topic(id: "leaders-meeting", kind: .peaceProcess, title: "A meeting of the leaders", terms: [
            "meeting", "meet", "summit", "trilateral", "face-to-face", "leaders' meeting", "meeting of leaders",
        ], proposalTerms: ["leaders' meeting", "meeting of the leaders", "meeting between the leaders", "trilateral meeting", "trilateral summit"],
              namesSettings: true),
        Topic(id: "minerals-deal", kind: .economic, title: "A minerals agreement", terms: [
            "minerals deal", "minerals agreement", "mineral deal", "minerals pact", "rare earths deal",
        ]),
    ]

    /// Cue phrase → the stance it states.
    static let cues: [String: Position.Stance] = {
        var cues: [String: Position.Stance] = [:]
        for cue in [
            "support", "supports", "supported", "supporting", "back", "backs", "backed", "backing", "endorse", "endorses",
            "endorsed", "welcome", "welcomes", "welcomed", "pledge", "pledges", "pledged", "committed to", "commit to",
            "favour", "favours", "favor", "favors", "hailed", "called for", "calls for", "call for", "urged", "urges",
            "want", "wants", "wanted", "agreed to", "ready to", "willing to", "offered", "proposed", "accepted", "accepts",
            "accepting", "accept", "insisted on", "demanded", "demands", "push for", "pushed for", "pushing for",
            "send", "deploy", "contribute",
            "called on", "calling on", "calls on", "call on", "ready for", "priority is", "plan to", "plans to", "planned to",
            "calling for", "urging", "demanding", "insisting on", "welcoming", "endorsing",
            "propose", "proposes", "prepared to", "insists that", "insisted that", "insisting that", "insists on",
            // Needing it, offering it, defending it; and for pressure, adding to it.
            "need", "needs", "needed", "offering", "defended", "defends", "agree to", "agrees to", "imposed", "impose", "imposes", "imposing",
            "adopted", "adopts", "step up", "stepped up", "ramp up", "tighten", "tightened", "increase the chances", "must come first",
            "had to come first", "has to come first",
        ] { cues[cue] = .support }
        for cue in [
            "oppose", "opposes", "opposed", "opposition to", "reject", "rejects", "rejected", "rejecting", "rule out",
            "rules out", "ruled out", "refuse", "refuses", "refused", "unacceptable", "legitimate targets",
            "legitimate target", "objections to", "objected to", "resistance to", "dismissed", "will not accept",
            "won't accept", "would not accept", "never accept", "warned against", "condemned", "opposing", "refusing",
            "ruling out", "not up for debate", "out of the question", "non-starter",
        ] { cues[cue] = .oppose }
        for cue in [
            "only if", "only after", "only when", "on condition", "on the condition", "provided that", "conditional on",
            // What can happen only later or as part of something else ("a ceasefire would only be
            // possible after a comprehensive agreement", "a summit could only take place once …").
            "only once", "possible only", "only be possible", "only come", "only take place", "only as part of",
            "only as a result of", "too early to",
        ] { cues[cue] = .conditional }
        return cues
    }()

    /// Cues that state an intention only under a modal, "to" or a negator ("would send troops",
    /// "ready to deploy", "will not send"): "sent troops to Kursk" reports a fact, not a stance
    /// on foreign troops in Ukraine.
    static let intentOnly: Set<String> = ["send", "deploy", "contribute"]

    /// What a modal or "to" before an ``intentOnly`` cue looks like.
    static let intentMarkers: Set<String> = ["will", "would", "could", "can", "to", "'ll", "shall", "might", "may"]

    /// What one intends before "to" and a cue ("planning to send", "no plans to deploy").
    static let intentions: Set<String> = ["planning", "plans", "plan", "going", "intending", "intends", "intend", "prepared", "able"]

    /// Cues whose object comes before them ("foreign forces … are unacceptable"), the conditions
    /// among them ("the force would be deployed only once a ceasefire is in place": the force is
    /// conditional, the ceasefire is the condition); not "too early to", whose object follows it.
    static let objectBefore: Set<String> = Set([
        "unacceptable", "legitimate targets", "legitimate target", "not up for debate", "out of the question", "non-starter",
    ] + cues.filter { $0.value == .conditional && $0.key != "too early to" }.map(\.key))

    /// Verbs that withdraw what the cue after them states ("dropped his call for a ceasefire").
    static let reversals: WordTable<Void> = ["dropped", "abandoned", "withdrew", "dropping", "abandoning", "withdrawn"]

    /// Read past between a reversal and its cue: "dropped his call for".
    static let determiners: WordTable<Void> = ["his", "her", "its", "their", "the", "a", "an", "our"]

    /// Read past between a negator and its cue: "did not fully support", "not yet ready to".
    static let negatedAdverbs: WordTable<Void> = ["yet", "fully", "necessarily", "immediately", "currently", "even", "now"]

    /// Words that turn the stance of a cue right after them ("did not support", "won't rule out").
    static let negators: WordTable<Void> = [
        "not", "never", "no", "didn't", "doesn't", "don't", "won't", "wouldn't", "cannot", "can't", "hasn't", "haven't",
        "isn't", "wasn't",
    ]

    /// A mention after one of these is an object or a place, not the one taking the stance.
    static let prepositions: Set<String> = [
        "of", "with", "to", "from", "in", "on", "for", "by", "against", "between", "at", "into", "about", "over", "under",
    ]

    /// Before a setting ("at an emergency meeting", "during the summit", "after meeting Putin"),
    /// within ``settingReach`` words.
    static let settingPrepositions: Set<String> = ["at", "during", "after", "before", "since", "following", "ahead", "amid"]
    static let settingReach = 7

    /// Nouns whose "that" clause reports what someone said ("claims that", "reports that").
    static let claims: Set<String> = [
        "claims", "claim", "reports", "report", "suggestions", "suggestion", "accusations", "allegations", "speculation",
        "criticism", "assertions", "notion", "idea",
    ]

    /// Before a cue, a passive ("was rejected by Ukraine"): the one "by" whom is the actor.
    static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "been", "be", "being"]

    /// Nouns for those who speak for a country or body: "the leaders of France and Germany".
    static let leaders: Set<String> = ["leaders", "leader", "government", "governments", "heads", "head", "presidents"]
}
