/// Finds a curator's quote inside one paragraph of a cleaned article.
///
/// The quote is normalised like the paragraphs (`ShadowText`: straight
/// quotes, plain collapsed spaces) and searched case-sensitively with
/// Knuth-Morris-Pratt, so each lookup is linear in the article length.
enum EvidenceLocator {
    struct Location: Sendable, Hashable {
        let paragraph: Int
        /// Served scalar offsets in that paragraph.
        let start: Int
        let end: Int
    }

    /// The first paragraph containing `quote`, or nil (also for a blank quote).
    static func locate(_ quote: String, in shadows: [ShadowText]) -> Location? {
        let needle = ShadowText(quote).scalars
        guard !needle.isEmpty else { return nil }
        let table = failureTable(needle)
        for (index, shadow) in shadows.enumerated() {
            if let start = firstOccurrence(of: needle, table: table, in: shadow.scalars) {
                let range = shadow.servedRange(start..<(start + needle.count))
                return Location(paragraph: index, start: range.lowerBound, end: range.upperBound)
            }
        }
        return nil
    }

    /// A hint for a quote that was not found: a near miss the curator can fix.
    static func hint(for quote: String, shadows: [ShadowText], stripped: [StrippedBlock]) -> String? {
        let needle = ShadowText.normalize(quote)
        guard !needle.isEmpty else { return "the quote is empty" }
        let lowered = needle.lowercased()
        if let index = shadows.firstIndex(where: { $0.string.lowercased().contains(lowered) }) {
            return "it differs only in letter case from paragraph \(index)"
        }
        if stripped.contains(where: { ShadowText.normalize($0.text).contains(needle) }) {
            return "it is in boilerplate removed by cleaning"
        }
        let joined = shadows.map(\.string).joined(separator: " ")
        if joined.contains(needle) {
            return "it spans two paragraphs; a quote must lie within one"
        }
        return nil
    }

    static func failureTable(_ needle: [Unicode.Scalar]) -> [Int] {
        var table = [Int](repeating: 0, count: needle.count)
        var length = 0
        var index = 1
        while index < needle.count {
            if needle[index] == needle[length] {
                length += 1
                table[index] = length
                index += 1
            } else if length > 0 {
                length = table[length - 1]
            } else {
                index += 1
            }
        }
        return table
    }

    static func firstOccurrence(of needle: [Unicode.Scalar], table: [Int], in haystack: [Unicode.Scalar]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var matched = 0
        for (index, scalar) in haystack.enumerated() {
            while matched > 0 && scalar != needle[matched] { matched = table[matched - 1] }
            if scalar == needle[matched] { matched += 1 }
            if matched == needle.count { return index - needle.count + 1 }
        }
        return nil
    }
}
