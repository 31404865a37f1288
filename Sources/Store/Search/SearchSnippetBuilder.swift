/// Builds the HTML snippet of one field for one query.
///
/// Contract (see `SearchHit.snippet`): the window holds about
/// `targetLength` Unicode scalars of the original text, starts and ends on
/// token boundaries (widened over adjacent punctuation such as quotes or a
/// full stop), and is placed around the match span whose window covers the
/// most distinct clauses, the earliest on a tie, with up to
/// `leadingContext` scalars before it. `…` marks each cut end; a window that
/// reaches the start or end of the field has none there. Matches lying wholly
/// inside the window are wrapped in `<mark>`; overlapping ones are merged.
struct SearchSnippetBuilder {
    static let targetLength = 160
    static let leadingContext = 40

    let storage: SearchIndexStorage
    let clauses: [SearchIndex.ResolvedClause]

    /// A match: tokens `start..<end` for clause `clause`.
    private struct Span {
        var start: Int
        var end: Int
        var clause: Int
    }

    /// The UTF-8 byte ranges of one field's tokens, by token number (the index keeps none).
    private struct TokenRanges {
        let first: Int
        var starts: [Int] = []
        var ends: [Int] = []

        func start(_ token: Int) -> Int { starts[token - first] }
        func end(_ token: Int) -> Int { ends[token - first] }
    }

    func snippet(field: Int) -> String {
        let spans = spans(in: field)
        guard let lastEnd = spans.map(\.end).max() else { return "" }
        let first = Int(storage.fieldTokens[field])
        // The window ends at most `targetLength` scalars (so tokens) after the last match: a
        // long paragraph is tokenized only that far.
        let needed = min(Int(storage.fieldTokens[field + 1]), lastEnd + Self.targetLength + 1) - first
        var text = storage.fieldTexts[field]
        return text.withUTF8 { bytes in
            var ranges = TokenRanges(first: first)
            ranges.starts.reserveCapacity(needed)
            ranges.ends.reserveCapacity(needed)
            var tokenizer = SearchTokenizer()
            tokenizer.forEachTokenRange(in: bytes, limit: needed) { start, end in
                ranges.starts.append(start)
                ranges.ends.append(end)
            }
            // The same tokenizer numbered them when the index was built.
            guard ranges.starts.count == needed else { return "" }
            return render(field: field, bytes: bytes, spans: spans, ranges: ranges)
        }
    }

    private func spans(in field: Int) -> [Span] {
        let first = storage.fieldTokens[field]
        let end = storage.fieldTokens[field + 1]
        var result: [Span] = []
        for (number, clause) in clauses.enumerated() {
            var position = SearchIndexStorage.lowerBound(of: first, in: clause.starts)
            while position < clause.starts.endIndex, clause.starts[position] < end {
                let start = Int(clause.starts[position])
                result.append(Span(start: start, end: start + clause.length(at: position), clause: number))
                position += 1
            }
        }
        result.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        return result
    }

    /// The span to centre on. Window widths are measured in bytes here, which
    /// only matters for non-ASCII text, where the final window is narrower.
    private func anchor(_ spans: [Span], _ ranges: TokenRanges) -> Span {
        var best = 0
        var bestDistinct = 0
        for i in spans.indices {
            // A query has at most `SearchQuery.maximumClauses` (32) clauses.
            var seen: UInt64 = 0
            let limit = ranges.start(spans[i].start) + Self.targetLength
            var j = i
            while j < spans.count, j == i || ranges.end(spans[j].end - 1) <= limit {
                seen |= 1 << UInt64(spans[j].clause & 63)
                j += 1
            }
            if seen.nonzeroBitCount > bestDistinct {
                best = i
                bestDistinct = seen.nonzeroBitCount
                if bestDistinct == clauses.count { break }
            }
        }
        return spans[best]
    }

    private func render(field: Int, bytes: UnsafeBufferPointer<UInt8>, spans: [Span], ranges: TokenRanges) -> String {
        let first = ranges.first
        let end = Int(storage.fieldTokens[field + 1])
        let starts = ranges.start
        let ends = ranges.end
        func scalars(_ from: Int, _ to: Int) -> Int {
            var count = 0
            var index = from
            while index < to {
                if bytes[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }

        let anchor = anchor(spans, ranges)
        var low = anchor.start
        var high = anchor.end
        var length = scalars(starts(low), ends(high - 1))
        var before = 0
        while low > first {
            let extra = scalars(starts(low - 1), starts(low))
            if before + extra > Self.leadingContext { break }
            before += extra
            low -= 1
        }
        length += before
        while high < end {
            let extra = scalars(ends(high - 1), ends(high))
            if length + extra > Self.targetLength { break }
            length += extra
            high += 1
        }
        while high == end, low > first {
            let extra = scalars(starts(low - 1), starts(low))
            if length + extra > Self.targetLength { break }
            length += extra
            low -= 1
        }

        var from = low == first ? 0 : starts(low)
        if low > first {
            while from > ends(low - 1), !Self.isSpace(bytes[from - 1]) { from -= 1 }
        }
        var to = high == end ? bytes.count : ends(high - 1)
        if high < end {
            while to < starts(high), !Self.isSpace(bytes[to]) { to += 1 }
        }
        while from < to, Self.isSpace(bytes[from]) { from += 1 }
        while to > from, Self.isSpace(bytes[to - 1]) { to -= 1 }

        var output: [UInt8] = []
        output.reserveCapacity((to - from) + 64)
        if low > first { output.append(contentsOf: Self.ellipsis) }
        let inside = spans.filter { $0.start >= low && $0.end <= high }
        var cursor = from
        var index = 0
        while index < inside.count {
            var span = inside[index]
            index += 1
            while index < inside.count, inside[index].start < span.end {
                span.end = max(span.end, inside[index].end)
                index += 1
            }
            let markStart = starts(span.start)
            let markEnd = ends(span.end - 1)
            Self.appendEscaped(bytes, cursor..<markStart, to: &output)
            output.append(contentsOf: Self.markOpen)
            Self.appendEscaped(bytes, markStart..<markEnd, to: &output)
            output.append(contentsOf: Self.markClose)
            cursor = markEnd
        }
        Self.appendEscaped(bytes, cursor..<to, to: &output)
        if high < end { output.append(contentsOf: Self.ellipsis) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let ellipsis: [UInt8] = Array("…".utf8)
    private static let markOpen: [UInt8] = Array("<mark>".utf8)
    private static let markClose: [UInt8] = Array("</mark>".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]) {
        for index in range {
            switch bytes[index] {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(bytes[index])
            }
        }
    }
}
