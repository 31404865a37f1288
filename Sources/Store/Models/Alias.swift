/// A surface form under which an entity appears in article text.
///
/// Detection is whole-word, case-sensitive as written (an all-capitals alias
/// such as `NATO` therefore only ever matches in capitals), and any alias also
/// matches inside an all-capitals heading. Possessives are implicit.
public struct Alias: Sendable, Hashable {
    /// Why the form exists; informative only, detection treats all kinds alike.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The entity's canonical `name`, which is always matched.
        case name
        case spellingVariant = "spelling-variant"
        case transliteration
        case shortForm = "short-form"
        case title
        case acronym
        case demonym
        case other
    }

    public let text: String
    public let kind: Kind
}
