#if canImport(Glibc)
import Glibc
#endif

/// The immutable arrays behind a `SearchIndex`, laid out struct-of-arrays.
///
/// Numbering: documents `d`, field instances `f` and tokens `g` are numbered
/// in input order, so a document's fields and a field's tokens are contiguous
/// ranges, and a range of token numbers is also a range of documents. A
/// posting is a token number; each term's postings are ascending.
///
/// Built once by `SearchIndexBuilder`, then only read, from any thread.
final class SearchIndexStorage: Sendable {
    /// BM25 term-frequency saturation.
    static let k1 = 1.2
    /// BM25 length normalisation strength.
    static let b = 0.75

    let documentIDs: [String]
    let documentKinds: [Int32]
    let kindNames: [String]
    /// `documentFields[d]..<documentFields[d + 1]`; one extra element.
    let documentFields: [Int32]
    /// `(kind, id)` → document number; the first wins on duplicates.
    let documentNumbers: [String: [String: Int32]]

    let fieldNames: [String]
    let fieldTexts: [String]
    let fieldDocuments: [Int32]
    /// BM25F factor of a match in the field: weight over length normalisation.
    let fieldFactors: [Double]
    /// `fieldTokens[f]..<fieldTokens[f + 1]`; one extra element.
    let fieldTokens: [UInt32]

    // Nothing is kept per token but its posting (4 bytes; 20 before): a token's field comes from
    // `fieldTokens` (`FieldCursor`), a phrase checks its other terms in their postings, and a
    // snippet tokenizes the one field it shows again.

    let termNumbers: [String: UInt32]
    /// `postings[postingOffsets[t]..<postingOffsets[t + 1]]`; one extra element.
    let postingOffsets: [UInt32]
    let postings: [UInt32]
    let documentFrequencies: [UInt32]

    init(
        documentIDs: [String], documentKinds: [Int32], kindNames: [String], documentFields: [Int32],
        documentNumbers: [String: [String: Int32]], fieldNames: [String], fieldTexts: [String],
        fieldDocuments: [Int32], fieldFactors: [Double], fieldTokens: [UInt32],
        termNumbers: [String: UInt32],
        postingOffsets: [UInt32], postings: [UInt32], documentFrequencies: [UInt32]
    ) {
        self.documentIDs = documentIDs
        self.documentKinds = documentKinds
        self.kindNames = kindNames
        self.documentFields = documentFields
        self.documentNumbers = documentNumbers
        self.fieldNames = fieldNames
        self.fieldTexts = fieldTexts
        self.fieldDocuments = fieldDocuments
        self.fieldFactors = fieldFactors
        self.fieldTokens = fieldTokens
        self.termNumbers = termNumbers
        self.postingOffsets = postingOffsets
        self.postings = postings
        self.documentFrequencies = documentFrequencies
    }

    var documentCount: Int { documentIDs.count }

    /// First token number of document `d`; `d == documentCount` gives the end.
    func firstToken(ofDocument document: Int) -> UInt32 {
        fieldTokens[Int(documentFields[document])]
    }

    func postings(ofTerm term: UInt32) -> ArraySlice<UInt32> {
        postings[Int(postingOffsets[Int(term)])..<Int(postingOffsets[Int(term) + 1])]
    }

    /// Whether token `token` is an occurrence of term `term` (a binary search of its postings).
    func token(_ token: UInt32, isTerm term: UInt32) -> Bool {
        let slice = postings(ofTerm: term)
        let position = Self.lowerBound(of: token, in: slice)
        return position < slice.endIndex && slice[position] == token
    }

    /// Inverse document frequency, BM25 style, never negative.
    func inverseDocumentFrequency(_ frequency: Int) -> Double {
        let n = Double(documentCount)
        let df = Double(frequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}

extension SearchIndexStorage {
    /// Index in `slice` of its first element `>= value`; `slice` must be ascending.
    static func lowerBound(of value: UInt32, in slice: ArraySlice<UInt32>) -> Int {
        var low = slice.startIndex
        var high = slice.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if slice[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
