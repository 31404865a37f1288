/// Who stated a fact: a curator (`curated`, checked by a person against the text) or the
/// extraction rules (`extracted`, with the rule and a confidence). Curated wins for the same fact.
public enum Provenance: String, Sendable, Hashable, CaseIterable {
    case curated, extracted
}
