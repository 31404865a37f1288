/// The field holding a token, found in `fieldTokens` (the index keeps no field per token). It
/// gallops forward from its last answer, so a walk over ascending tokens (postings, match starts)
/// costs O(log gap) a step; a token before the last answer is found by binary search.
struct FieldCursor {
    private let fieldTokens: [UInt32]
    private var field = 0

    init(_ storage: SearchIndexStorage) {
        self.init(fieldTokens: storage.fieldTokens)
    }

    /// `fieldTokens[f]..<fieldTokens[f + 1]` are field `f`'s tokens; one extra element.
    init(fieldTokens: [UInt32]) {
        self.fieldTokens = fieldTokens
    }

    /// The field `f` with `fieldTokens[f] <= token < fieldTokens[f + 1]`; `token` must be a token
    /// of the index.
    mutating func field(of token: UInt32) -> Int {
        let count = fieldTokens.count - 1
        if fieldTokens[field] <= token, token < fieldTokens[field + 1] { return field }
        var low: Int
        var high: Int
        if token >= fieldTokens[field + 1] {
            low = field + 1
            var step = 1
            high = low + step
            while high < count, fieldTokens[high] <= token {
                low = high
                step *= 2
                high = low + step
            }
            high = min(high, count)
        } else {
            low = 0
            high = field
        }
        // The first field in low..<high starting after `token`; the one before it holds it
        // (empty fields start where the next one does, so they are passed over).
        while low < high {
            let middle = low + (high - low) / 2
            if fieldTokens[middle] <= token { low = middle + 1 } else { high = middle }
        }
        field = low - 1
        return field
    }

    /// The document holding `token`.
    mutating func document(of token: UInt32, in storage: SearchIndexStorage) -> Int32 {
        storage.fieldDocuments[field(of: token)]
    }
}
