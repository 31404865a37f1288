/// A person, country, organisation, place or agreement from `entities.json`.
///
/// `aliases` are the curated surface forms, without the canonical name;
/// `allNames` adds it. `country` is the id of the country entity a place lies
/// in or an organisation belongs to. References are verified at load.
public struct Entity: Sendable, Hashable {
    /// The entity's category (FORMAT.md `type`).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case person, country, organisation, place, agreement
    }

    public let id: String
    public let kind: Kind
    public let name: String
    public let aliases: [Alias]
    public let description: String?
    /// Wikidata QID such as `Q3874799`.
    public let wikidata: String?
    public let coordinates: Coordinates?
    /// Entity id of the country (places, organisations, optionally persons).
    public let country: String?
    /// Entity id of what the entity acts for or stands for beyond its country: a person's
    /// organisation (Rutte → NATO, Peskov → the Kremlin), a body's parent (the Commission → the EU),
    /// a metonym's referent. With `country`, it defines who an entity filter includes.
    public internal(set) var affiliation: String?
    /// A curated country's demonyms from the gazetteer ("Russian"): for name resolution only.
    public internal(set) var demonyms: [String] = []
    /// A news outlet (`gazetteer/outlets.json`): it reports and interviews, and never takes
    /// part in an event ("told Fox News", "in an interview with NBC").
    public internal(set) var isNewsOutlet = false
    /// The country whose capital this place is (the gazetteer's capitals): copy names the
    /// government by its seat ("Moscow has rejected", "a demand Kyiv refused").
    public internal(set) var capitalOf: String?
    public let enrichment: [String]
    /// Who put the entity in the catalog: a curator (`entities.json`), the gazetteer of world
    /// knowledge (`gazetteer/`, all enrichment), or a pattern in an article's text (extracted).
    public let origin: Origin

    public enum Origin: String, Sendable, Hashable, CaseIterable {
        case curated, gazetteer, extracted
    }

    /// The canonical name (kind `.name`) followed by every alias.
    public var allNames: [Alias] {
        [Alias(text: name, kind: .name)] + aliases
    }

    /// The country of a city or site as a gathering's venue; none for a country named as the
    /// place ("the fighting in Ukraine" is no venue), which the event rules compare by.
    var venueCountry: String? { kind == .place ? country : nil }

    /// Who acts when the entity is the subject of a statement: a capital stands for its
    /// country's government; a person, country or organisation for itself; nil for a place or
    /// agreement, and for a news outlet, which reports and interviews.
    var actor: String? {
        capitalOf ?? (actsForItself ? id : nil)
    }

    /// A person, country or organisation that is not a news outlet: one that can take part in an
    /// event or hold a stance under its own name.
    var actsForItself: Bool {
        [.person, .country, .organisation].contains(kind) && !isNewsOutlet
    }
}
