/// Drops paragraphs that repeat an earlier one, as scraped pages often do.
///
/// Two rules, on the matching form (`ShadowText`): an exact repeat of an
/// earlier kept paragraph of at least 20 scalars, and a cut-off repeat, a
/// paragraph of at least 30 scalars that is a prefix of an earlier kept
/// paragraph. Candidates for the prefix rule are found through a dictionary
/// keyed by the first 30 scalars, so the pass stays linear in practice.
enum RepeatCollapser {
    static let minimumExactLength = 20
    static let minimumPrefixLength = 30

    struct Result {
        let paragraphs: [Paragraph]
        let repeats: [CleaningReport.CollapsedRepeat]
    }

    static func collapse(_ drafts: [ArticleCleaner.Draft]) -> Result {
        var paragraphs: [Paragraph] = []
        var shadows: [ShadowText] = []
        var repeats: [CleaningReport.CollapsedRepeat] = []
        // Keys are strings: hashing UTF-8 is much cheaper than hashing scalar arrays.
        var exact: [String: Int] = [:]
        var byPrefix: [String: [Int]] = [:]
        for draft in drafts {
            let shadow = ShadowText(served: draft.scalars)
            let key = shadow.scalars
            let exactKey = shadow.string
            let prefixKey = key.count >= minimumPrefixLength ? ShadowText.makeString(key[0..<minimumPrefixLength]) : nil
            let text = ShadowText.makeString(draft.scalars)
            if key.count >= minimumExactLength, let earlier = exact[exactKey] {
                repeats.append(.init(line: draft.line, repeatOf: earlier, truncated: false, text: text))
                continue
            }
            if let prefixKey, let earlier = byPrefix[prefixKey]?.first(where: { shadows[$0].scalars.starts(with: key) }) {
                repeats.append(.init(line: draft.line, repeatOf: earlier, truncated: true, text: text))
                continue
            }
            let index = paragraphs.count
            paragraphs.append(Paragraph(index: index, text: text, kind: draft.kind, line: draft.line))
            shadows.append(shadow)
            if exact[exactKey] == nil { exact[exactKey] = index }
            if let prefixKey { byPrefix[prefixKey, default: []].append(index) }
        }
        return Result(paragraphs: paragraphs, repeats: repeats)
    }
}
