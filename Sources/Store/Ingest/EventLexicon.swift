/// The words event extraction reads, as data (in the manner of GDELT's CAMEO codebook: each
/// trigger names the event kind it signals): triggers by kind, and the modal and negating
/// words that set an extracted event's status.
enum EventLexicon {
    /// Trigger phrase (lowercased, space-separated tokens) → the kind it signals. Longest first wins.
    static let triggers: [String: Event.Kind] = [
        "summit": .summit, "summits": .summit,
        "met": .bilateralMeeting, "meet": .bilateralMeeting, "meets": .bilateralMeeting, "meeting": .bilateralMeeting,
        "meetings": .bilateralMeeting, "gathered": .multilateralMeeting, "gather": .multilateralMeeting,
        "gathering": .multilateralMeeting, "hosted": .bilateralMeeting, "host": .bilateralMeeting, "hosts": .bilateralMeeting,
        "talks": .talks, "held talks": .talks, "negotiations": .talks, "negotiated": .talks,
        "phone call": .phoneCall, "call": .phoneCall, "called": .phoneCall, "spoke by phone": .phoneCall,
        "phone conversation": .phoneCall, "telephone conversation": .phoneCall, "spoke with": .phoneCall, "spoke to": .phoneCall,
        "spoken to": .phoneCall, "spoken with": .phoneCall, "speak to": .phoneCall, "speak with": .phoneCall,
        "speaks to": .phoneCall, "speaks with": .phoneCall, "by phone": .phoneCall, "by telephone": .phoneCall,
        "visit": .visit, "visited": .visit, "visits": .visit, "visiting": .visit, "trip": .visit, "travel": .visit,
        "travelled": .visit, "traveled": .visit, "arrived": .visit, "arrives": .visit, "arriving": .visit,
        "video call": .phoneCall, "video conference": .multilateralMeeting, "videoconference": .multilateralMeeting,
        "session": .unSession, "general assembly": .unSession, "security council meeting": .unSession,
        "forum": .multilateralMeeting, "conference": .multilateralMeeting, "plenary session": .multilateralMeeting,
        "press conference": .pressConference, "news conference": .pressConference,
        "deadline": .deadline, "ultimatum": .deadline,
        "strike": .attack, "strikes": .attack, "attack": .attack, "attacks": .attack,
        "pummeled": .attack, "pummelled": .attack, "pounded": .attack, "bombarded": .attack, "shelled": .attack,
        "barrage": .attack, "airstrike": .attack, "airstrikes": .attack, "air strike": .attack, "air strikes": .attack,
        "bombed": .attack,
        // A round of talks named by its number ("the second round, held in Abu Dhabi"), unless
        // it is a round of something else (``roundsOf``).
        "first round": .talks, "second round": .talks, "third round": .talks, "fourth round": .talks, "fifth round": .talks,
        "next round": .talks, "new round": .talks, "latest round": .talks, "last round": .talks,
        // Sitting down with someone; being received by them; being expected in a place.
        "sat down with": .bilateralMeeting, "sit down with": .bilateralMeeting, "sits down with": .bilateralMeeting,
        "received by": .bilateralMeeting, "expected in": .visit,
    ]

    /// After "round of", what makes the round talks: "a new round of sanctions" is not.
    static let roundsOf: WordTable<Void> = ["talks", "negotiations", "consultations", "discussions", "meetings", "peace"]

    /// A sentence that speaks of talks, for a numbered round without "of talks" ("the second round,
    /// held in Abu Dhabi, … the delegations"): not an election's second round.
    static let talksContext: WordTable<Void> = [
        "talks", "negotiations", "negotiators", "delegations", "delegation", "consultations", "negotiating", "trilateral",
    ]

    /// Words that judge a reported event rather than announce it ("said a summit would be premature").
    static let judgements: WordTable<Void> = [
        "premature", "unlikely", "impossible", "pointless", "possible", "useless", "meaningless", "counterproductive",
    ]

    /// Speaking to someone is a call only when a person or a country is who ("spoke with Putin",
    /// not "spoke to reporters" or "spoke to Fox News").
    static let speakingTo: Set<String> = [
        "spoke with", "spoke to", "spoken to", "spoken with", "speak to", "speak with", "speaks to", "speaks with",
    ]

    /// Per first word, the lengths of the triggers that start with it (``PhraseLengths``).
    static let triggerLengths = PhraseLengths.byFirstWord(triggers.keys)

    /// A refusal: the event was declined or ruled out.
    static let rejection: WordTable<Void> = ["declined", "rejected", "refused", "ruled", "dismissed", "spurned"]

    /// It was arranged and is no longer ("called off" and "calls off" are read as pairs).
    static let cancellation: WordTable<Void> = [
        "cancelled", "canceled", "postponed", "scrapped", "shelved", "cancels", "scraps", "postpones", "scuttled", "axed",
    ]

    /// The forms of "call" that make "off" after them a cancellation: done, as a headline's
    /// present says it ("Trump calls off summit"), not "threatened to call off".
    static let callOff: Set<String> = ["called", "calls"]

    /// After a person's possessive, those who act for them ("Trump's envoys", "Putin's special
    /// envoy", "Zelensky's chief of staff"): the person is not at what they attend. Not a
    /// spokesman: "Driscoll's spokesman said the talks" are Driscoll's.
    static let agents: WordTable<Void> = [
        "envoy", "envoys", "special", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "negotiator", "negotiators",
        "team", "representative", "representatives", "emissary", "emissaries", "son", "chief", "top", "foreign", "defence",
        "defense", "national", "administration", "delegation",
    ]

    /// Before "in" and a place, what is there rather than who meets there ("the war in Ukraine",
    /// "troops in Ukraine"): not a gathering's venue ("discussed security in Paris" names one).
    static let notVenues: WordTable<Void> = [
        "war", "fighting", "conflict", "ceasefire", "truce", "invasion", "troops", "forces", "soldiers", "deployment",
        "mission", "presence", "offensive", "occupation", "killing", "bloodshed",
    ]

    /// The United Nations and its bodies, by entity id: what makes a "session" the UN's.
    static func isUnitedNationsBody(_ id: String) -> Bool { id == "united-nations" || id.hasPrefix("un-") }

    /// What a negator denies that makes an event rejected: "no agreement", "no plans", "no date".
    static let negatedObjects: WordTable<Void> = ["agreement", "plans", "plan", "date", "intention", "deal"]

    /// After a negated object that follows the trigger, what ties it to the trigger's event ("the
    /// summit has no date yet"); "ended with no agreement on a ceasefire" is an outcome.
    static let negatedObjectLinks: WordTable<Void> = ["yet"]

    /// Read past between a negator and what it denies: "not yet ready", "not even a date".
    static let negationAdverbs: WordTable<Void> = ["yet", "currently", "even"]

    /// "a call for talks", "called for a summit", "pushed for a meeting": before "for", a request.
    static let calls: WordTable<Void> = [
        "call", "calls", "called", "push", "pushes", "pushed", "pushing", "press", "presses", "pressed", "pressing",
    ]

    /// "asked for a meeting of the Security Council", "requested talks": a request, with "for"
    /// after the asking verbs (not "asked on the sidelines").
    static let requests: WordTable<Void> = ["ask", "asks", "asked", "asking", "request", "requests", "requested", "requesting"]

    /// A proposal, not a fact: someone asks for it or it could happen.
    static let proposal: WordTable<Void> = [
        "proposed", "proposes", "propose", "urged", "urges", "suggested", "suggests", "offered", "offers", "could",
        "would", "might", "may", "possible", "ready", "willing", "hopes", "hope", "wants", "seeks", "calls",
    ]

    /// Before "to" and a trigger: it was arranged ("agreed to meet", "due to hold talks").
    static let arranging: Set<String> = [
        "agreed", "agree", "agrees", "planned", "plans", "plan", "planning", "set", "due", "scheduled", "expected", "going",
        "arranged", "decided", "intends", "intend", "is", "are", "was", "were",
    ]

    /// Before "to" and a trigger: it was asked for or offered ("wants to meet", "ready to host").
    static let asking: Set<String> = [
        "want", "wants", "wanted", "offered", "offers", "offer", "hope", "hopes", "hoped", "proposed", "proposes", "ready",
        "willing", "prepared", "seeks", "seeking", "sought", "invited", "invites", "urged", "urges", "asked", "asks", "keen",
        "eager", "like", "pushing", "pressing", "try", "trying", "tried", "aims", "aim",
        // "would be glad to host": an offer.
        "glad", "happy",
    ]

    /// Verbs between "to" and a noun trigger: "to hold talks", "to host a summit".
    static let lightVerbs: Set<String> = ["hold", "have", "host", "attend", "arrange", "organise", "organize", "convene", "join"]

    /// Modals of possibility: nearest before a trigger, a proposal rather than a plan.
    static let possibility: Set<String> = ["could", "might", "may"]

    /// Triggers that are verbs only in the past (a report that it happened).
    static let pastForms: WordTable<Void> = [
        "met", "held talks", "hosted", "called", "spoke by phone", "spoke with", "spoke to", "visited", "gathered", "sat down with",
        "travelled", "traveled", "negotiated", "arrived", "pummeled", "pummelled", "pounded", "bombarded", "shelled", "bombed",
    ]

    /// A trigger this word follows is a noun used of something else ("a call for", "the strike on").
    static let notEvents: WordTable<Void> = ["for", "to", "off", "on"]

    /// Verbs of reporting: the person before one is a source, not a participant.
    static let speech: WordTable<Void> = [
        "said", "says", "told", "added", "noted", "stated", "wrote", "argued", "warned", "insisted", "announced",
        "confirmed", "explained", "acknowledged", "stressed", "reiterated", "emphasised", "emphasized", "replied", "claimed",
    ]

    /// Auxiliaries and adverbs between a name and its verb of speech ("Rubio also said").
    static let beforeSpeech: Set<String> = [
        "also", "later", "earlier", "then", "again", "previously", "separately", "repeatedly", "publicly", "reportedly",
        "has", "had", "have", "once", "further", "first", "subsequently",
    ]

    /// Whom something is told, between "told" and what was said ("told reporters he would").
    static let addressees: Set<String> = ["reporters", "journalists", "the", "a", "an", "state", "media", "press", "lawmakers", "parliament"]

    /// After a verb of speech, the speaker speaking of themself ("Trump said he would meet Putin").
    static let selfReference: Set<String> = ["he", "she", "his", "her", "i", "we"]

    /// Before a gathering that dates the sentence ("after the summit", "ahead of the talks").
    static let anchorPrepositions: Set<String> = ["after", "before", "since", "following", "until"]
    /// Between such a word and the gathering ("after the White House summit", "after Monday's talks").
    static let anchorDeterminers: Set<String> = ["the", "a", "this", "last", "next", "his", "her", "their", "its", "monday", "tuesday",
                                                 "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "recent"]

    /// After a comma, the start of a contrasting clause ("…, but …").
    static let clauseJoints: Set<String> = ["but", "while", "whereas", "although", "though", "yet"]

    /// Before "on the sidelines", the idiom of being left out ("left on the sidelines"), not a
    /// meeting beside a gathering.
    static let leftAside: Set<String> = ["left", "remain", "remained", "remains", "stay", "stayed", "sit", "sat", "sitting", "being", "kept"]

    /// Before the place someone spoke ("speaking at a news conference", "addressing the summit").
    static let speakingAt: Set<String> = ["speaking", "spoke", "addressing", "addressed"]

    /// Taking part, in the past, before a trigger ("chaired a video call", "participated in the
    /// talks"; "took part in" is read as a phrase).
    static let participation: WordTable<Void> = ["attended", "chaired", "co-chaired", "joined", "led", "convened", "participated", "held"]

    /// After a comma, these open an aside that a comma closes (", who will not be in Alaska,"):
    /// its status words are not the sentence's.
    static let asideStarts: Set<String> = ["who", "which", "whose", "whom"]

    /// What an outlet does ("Reuters reported"): a source of the report, never a participant or an actor.
    static let sourcing: WordTable<Void> = ["reports", "reported", "reporting"]

    /// How specific a kind is, for choosing among several triggers in one sentence.
    static func specificity(_ kind: Event.Kind) -> Int {
        switch kind {
        case .summit, .phoneCall, .visit, .unSession, .pressConference, .deadline: return 3
        case .talks, .multilateralMeeting: return 2
        case .attack: return 1
        default: return 0
        }
    }
}
