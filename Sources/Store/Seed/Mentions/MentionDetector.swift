/// Finds every entity mention in article paragraphs.
///
/// Built once from the catalog: each entity's name and aliases are tokenised
/// (`MentionTokenizer`) into two tries, one case-sensitive as written (an
/// alias starting with a lowercase letter also matches capitalised at a
/// sentence start) and one uppercased, used only for all-capitals headings.
/// Detection walks a paragraph's tokens once, taking the leftmost-longest
/// alias at each position, so cost is linear in the text and independent of
/// the number of aliases. Names and text are compared in ``UnicodeMatching`` form (NFC, marks
/// stripped), so "Zélensky" in either normal form matches "Zelensky". A title directly followed
/// by a name of the same entity is one mention (a title and a name: two parts, so a name
/// written twice in a row stays two mentions). Immutable after `init`; `Sendable`.
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
                let tokens = MentionTokenizer.tokens(ShadowText(alias.text).scalars).map { UnicodeMatching.key($0.text) }
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
        asWritten.freeze()
        capitals.freeze()
    }

    /// Mentions in one paragraph, in text order, with served offsets.
    func mentions(in paragraph: Paragraph, article: String) -> [Mention] {
        // The served scalars and the matching form made from them, for this paragraph only.
        let served = paragraph.text.scalarArray
        let shadow = ShadowText(served: served)
        let tokens = MentionTokenizer.spans(shadow.scalars)
        guard !tokens.isEmpty else { return [] }
        let inCapitals = paragraph.kind == .heading && LineShape.isAllCapitals(shadow.scalars)
        let keys = AliasTrie.Keys(spans: tokens, in: shadow.scalars, uppercased: inCapitals)
        let trie = inCapitals ? capitals : asWritten
        var mentions: [Mention] = []
        // The last mention is a title joined to its name already: nothing more joins it (a run
        // of one name repeated was joined word by word, its text rebuilt each time: quadratic).
        var lastJoined = false
        var index = 0
        while index < keys.count {
            guard let match = trie.longestMatch(in: keys, from: index) else {
                index += 1
                continue
            }
            let range = shadow.servedRange(tokens[index].lowerBound..<tokens[match.end - 1].upperBound)
            let text = ShadowText.makeString(served[range])
            // A title directly before a name of the same entity ("Ukrainian President" +
            // "Volodymyr Zelenskyy") is one mention, not two.
            if !lastJoined, let previous = mentions.last, previous.entity == match.target.entity,
               previous.alias != match.target.alias,
               previous.end <= range.lowerBound, served[previous.end..<range.lowerBound].allSatisfy({ $0 == " " }) {
                mentions[mentions.count - 1] = Mention(
                    entity: previous.entity, article: article, paragraph: paragraph.index, start: previous.start,
                    end: range.upperBound, text: ShadowText.makeString(served[previous.start..<range.upperBound]),
                    alias: previous.alias
                )
                lastJoined = true
                index = match.end
                continue
            }
            lastJoined = false
            mentions.append(Mention(
                entity: match.target.entity, article: article, paragraph: paragraph.index,
                start: range.lowerBound, end: range.upperBound, text: text, alias: match.target.alias
            ))
            index = match.end
        }
        return mentions
    }
}
