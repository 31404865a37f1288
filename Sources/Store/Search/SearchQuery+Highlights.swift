extension SearchQuery {
    /// Where the query matches `text`, as code-point offsets (as evidence offsets count): every
    /// term, phrase and entity name, tokenised as the index tokenises (folded, stemmed), so what
    /// `/search` found is what is marked. Overlapping matches are merged; in text order.
    public func highlights(in text: String) -> [Range<Int>] {
        var tokenizer = SearchTokenizer()
        let tokens = tokenizer.tokens(in: text)
        guard !tokens.isEmpty else { return [] }
        let terms = tokens.map(\.term)
        var sequences: [[String]] = []
        for clause in clauses {
            switch clause {
            case .term(let term): sequences.append([term])
            case .phrase(let phrase): sequences.append(phrase)
            case .anyOf(let alternatives): sequences += alternatives
            }
        }
        var byteRanges: [Range<Int>] = []
        for sequence in sequences where !sequence.isEmpty && sequence.count <= terms.count {
            for start in 0...(terms.count - sequence.count) where terms[start] == sequence[0] {
                if sequence.count == 1 || Array(terms[start..<start + sequence.count]) == sequence {
                    byteRanges.append(tokens[start].start..<tokens[start + sequence.count - 1].end)
                }
            }
        }
        byteRanges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in byteRanges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        // UTF-8 byte offsets to code-point offsets.
        var scalarAt: [Int: Int] = [:]
        var byte = 0
        var scalar = 0
        for unit in text.unicodeScalars {
            scalarAt[byte] = scalar
            byte += UTF8.width(unit)
            scalar += 1
        }
        scalarAt[byte] = scalar
        return merged.compactMap { range in
            guard let lower = scalarAt[range.lowerBound], let upper = scalarAt[range.upperBound] else { return nil }
            return lower..<upper
        }
    }
}
