/// Finds every entity mention in article paragraphs.
///
/// Built once from the catalog: each entity's name and aliases are tokenised
/// (`MentionTokenizer`) into two tries, one case-sensitive as written (an
/// alias starting with a lowercase letter also matches capitalised at a
/// sentence start) and one uppercased, used only for all-capitals headings.
/// Detection walks a paragraph's tokens once, taking the leftmost-longest
/// alias at each position, so cost is linear in the text and independent of
/// the number of aliases. Immutable after `init`; `Sendable`.
struct MentionDetector: Sendable {
    /// Two entities claiming one surface form; the earlier entity keeps it.
    struct Conflict: Sendable, Hashable {
        let entity: String
        /// Index into `Entity.allNames`.
        let aliasIndex: Int
        let keptFor: String
    }

    private var asWritten = AliasTrie()
    private var capitals = AliasTrie()
    private(set) var conflicts: [Conflict] = []

    init(entities: [Entity]) {
        for entity in entities {
            for (aliasIndex, alias) in entity.allNames.enumerated() {
                let tokens = MentionTokenizer.tokens(ShadowText(alias.text).scalars).map(\.text)
                guard !tokens.isEmpty else { continue }
                let target = AliasTrie.Target(entity: entity.id, alias: alias.text)
                if let holder = asWritten.insert(tokens, target: target), holder.entity != entity.id {
                    conflicts.append(Conflict(entity: entity.id, aliasIndex: aliasIndex, keptFor: holder.entity))
                }
                if let first = tokens[0].unicodeScalars.first, first.properties.isLowercase {
                    var capitalised = tokens
                    capitalised[0] = tokens[0].prefix(1).uppercased() + tokens[0].dropFirst()
                    asWritten.insert(capitalised, target: target)
                }
                capitals.insert(tokens.map { $0.uppercased() }, target: target)
            }
        }
    }

    /// Mentions in one paragraph, in text order, with served offsets.
    func mentions(in paragraph: Paragraph, shadow: ShadowText, article: String) -> [Mention] {
        let tokens = MentionTokenizer.tokens(shadow.scalars)
        guard !tokens.isEmpty else { return [] }
        let inCapitals = paragraph.kind == .heading && LineShape.isAllCapitals(shadow.scalars)
        let keys = inCapitals ? tokens.map { $0.text.uppercased() } : tokens.map(\.text)
        let trie = inCapitals ? capitals : asWritten
        var served: [Unicode.Scalar]?
        var mentions: [Mention] = []
        var index = 0
        while index < keys.count {
            guard let match = trie.longestMatch(in: keys, from: index) else {
                index += 1
                continue
            }
            let range = shadow.servedRange(tokens[index].start..<tokens[match.end - 1].end)
            if served == nil { served = Array(paragraph.text.unicodeScalars) }
            let text = ShadowText.makeString((served ?? [])[range])
            mentions.append(Mention(
                entity: match.target.entity, article: article, paragraph: paragraph.index,
                start: range.lowerBound, end: range.upperBound, text: text, alias: match.target.alias
            ))
            index = match.end
        }
        return mentions
    }
}
