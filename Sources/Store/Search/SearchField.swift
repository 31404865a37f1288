/// One named, weighted piece of text inside a `SearchDocument`.
///
/// The text is kept verbatim: snippets quote it character for character.
/// Several fields may share a name (an article's paragraphs are each a
/// `"body"` field); for BM25F length normalisation fields of the same name in
/// one document count as one stream, but phrases never span two fields.
///
/// `weight` scales how much a match in this field counts (for example title 3,
/// aliases 2, body 1). It must be finite and not negative; 0 makes the field
/// searchable without adding to the score.
public struct SearchField: Sendable, Hashable {
    public var name: String
    public var text: String
    public var weight: Double

    public init(name: String, text: String, weight: Double = 1) {
        precondition(weight.isFinite && weight >= 0, "SearchField weight must be finite and >= 0")
        self.name = name
        self.text = text
        self.weight = weight
    }
}
