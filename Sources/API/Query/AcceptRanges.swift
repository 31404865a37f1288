/// The media ranges of an `Accept` field and their qualities (RFC 9110 §12.5.1). A media type
/// gets the quality of the most specific range that matches it, so `application/json;q=0, */*`
/// refuses JSON while accepting anything else. The one reading of `Accept`, for the formats
/// (``Format/negotiate(_:formatParameter:available:)``) and the explorer's HTML.
struct AcceptRanges {
    struct Range {
        /// Lowercased, without parameters: `text/csv`, `text/*`, `*/*`.
        let type: String
        let quality: Double
    }

    let ranges: [Range]

    /// The ranges as ``WeightedList`` reads them (an unreadable weight refuses the range
    /// rather than guessing one).
    init(_ field: String) {
        var field = field
        var ranges: [Range] = []
        field.withUTF8 { bytes in
            WeightedList.forEach(bytes) { name, quality in
                ranges.append(Range(type: String(decoding: name, as: UTF8.self).lowercased(), quality: quality))
            }
        }
        self.ranges = ranges
    }

    /// The quality of a media type written as any of `exact` (its own name first; `exact[0]`'s
    /// top-level type names its family), and the specificity of the range that set it: 3 for an
    /// exact name, 2 for `type/*`, 1 for `*/*`; (0, 0) when no range matches. Of two ranges
    /// equally specific, the higher quality counts.
    func quality(of exact: [String]) -> (quality: Double, specificity: Int) {
        guard let first = exact.first, let slash = first.firstIndex(of: "/") else { return (0, 0) }
        let family = first[...slash] + "*"
        var best: (quality: Double, specificity: Int) = (0, 0)
        for range in ranges {
            let specificity = exact.contains(range.type) ? 3 : range.type == family ? 2 : range.type == "*/*" ? 1 : 0
            guard specificity > 0 else { continue }
            if specificity > best.specificity || (specificity == best.specificity && range.quality > best.quality) {
                best = (range.quality, specificity)
            }
        }
        return best
    }
}
