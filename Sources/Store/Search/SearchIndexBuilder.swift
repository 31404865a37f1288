/// Builds a `SearchIndexStorage` in one pass over the documents plus a
/// counting sort of the postings.
///
/// - Complexity: O(total text length + terms); while building, about 8 bytes
///   per token on top of the texts; the index keeps 4 (see `SearchIndexStorage`).
struct SearchIndexBuilder {
    private var documentIDs: [String] = []
    private var documentKinds: [Int32] = []
    private var kindNumbers: [String: Int32] = [:]
    private var kindNames: [String] = []
    private var documentFields: [Int32] = [0]
    private var documentNumbers: [String: [String: Int32]] = [:]

    private var fieldNames: [String] = []
    private var fieldNameNumbers: [Int32] = []
    private var nameNumbers: [String: Int32] = [:]
    private var fieldTexts: [String] = []
    private var fieldWeights: [Double] = []
    private var fieldDocuments: [Int32] = []
    private var fieldTokens: [UInt32] = [0]
    /// Tokens in all fields of the same name in the same document.
    private var fieldNameLengths: [Int] = []
    private var nameTotals: [Int] = []
    private var nameDocuments: [Int] = []

    private var tokenTerms: [UInt32] = []

    private var termNumbers: [String: UInt32] = [:]
    private var documentFrequencies: [UInt32] = []

    /// Adds `documents` in order. Tokenising and stemming, most of the build, runs on every core,
    /// a run of documents per task (``TokenizedRun``); the runs are then numbered in order, so the
    /// index is the one a single pass over the documents builds.
    mutating func add(_ documents: [SearchDocument]) {
        let runs = Concurrently.mapChunks(documents) { Self.tokenize($0) }
        var next = documents.startIndex
        for run in runs {
            add(documents[next..<(next + run.documentCount)], tokenized: run)
            next += run.documentCount
        }
    }

    /// The terms of a run of consecutive documents, numbered in the order the run first has them.
    struct TokenizedRun: Sendable {
        var documentCount = 0
        /// Run-local term number -> term, and the number of the run's documents that have it.
        var terms: [String] = []
        var documentFrequencies: [UInt32] = []
        /// Every token's run-local term number, field after field.
        var tokenTerms: [UInt32] = []
        /// Tokens per field, in document then field order.
        var fieldTokenCounts: [UInt32] = []
    }

    static func tokenize(_ documents: ArraySlice<SearchDocument>) -> TokenizedRun {
        var tokenizer = SearchTokenizer()
        var numbers: [String: UInt32] = [:]
        var lastDocument: [Int] = []
        var run = TokenizedRun()
        run.documentCount = documents.count
        for (document, item) in documents.enumerated() {
            for field in item.fields {
                let before = run.tokenTerms.count
                tokenizer.forEachToken(in: field.text) { term, _, _ in
                    let number: UInt32
                    if let known = numbers[term] {
                        number = known
                    } else {
                        number = UInt32(run.terms.count)
                        numbers[term] = number
                        run.terms.append(term)
                        run.documentFrequencies.append(0)
                        lastDocument.append(-1)
                    }
                    if lastDocument[Int(number)] != document {
                        lastDocument[Int(number)] = document
                        run.documentFrequencies[Int(number)] += 1
                    }
                    run.tokenTerms.append(number)
                }
                run.fieldTokenCounts.append(UInt32(run.tokenTerms.count - before))
            }
        }
        return run
    }

    /// `documents`, tokenised as `run`: its terms numbered after those already seen, in the run's
    /// order, which is the order a single pass meets them.
    private mutating func add(_ documents: ArraySlice<SearchDocument>, tokenized run: TokenizedRun) {
        var global: [UInt32] = []
        global.reserveCapacity(run.terms.count)
        for (local, term) in run.terms.enumerated() {
            let number: UInt32
            if let known = termNumbers[term] {
                number = known
            } else {
                number = UInt32(documentFrequencies.count)
                termNumbers[term] = number
                documentFrequencies.append(0)
            }
            documentFrequencies[Int(number)] += run.documentFrequencies[local]
            global.append(number)
        }
        precondition(tokenTerms.count + run.tokenTerms.count < Int(UInt32.max), "SearchIndex holds at most 4G tokens")
        // Appended without reserving: an exact reserve per run would copy the whole array each time.
        for local in run.tokenTerms { tokenTerms.append(global[Int(local)]) }
        var fieldCounts = run.fieldTokenCounts.makeIterator()
        for document in documents {
            let number = Int32(documentIDs.count)
            documentIDs.append(document.id)
            documentKinds.append(kindNumber(document.kind))
            if documentNumbers[document.kind, default: [:]][document.id] == nil {
                documentNumbers[document.kind, default: [:]][document.id] = number
            }
            let firstField = fieldTexts.count
            for field in document.fields {
                fieldNames.append(field.name)
                fieldNameNumbers.append(nameNumber(field.name))
                fieldTexts.append(field.text)
                fieldWeights.append(field.weight)
                fieldDocuments.append(number)
                fieldTokens.append((fieldTokens.last ?? 0) + (fieldCounts.next() ?? 0))
            }
            // Per-document length of each field name, for BM25F normalisation.
            var lengths: [Int32: Int] = [:]
            for f in firstField..<fieldTexts.count {
                lengths[fieldNameNumbers[f], default: 0] += Int(fieldTokens[f + 1] - fieldTokens[f])
            }
            for (name, length) in lengths {
                nameTotals[Int(name)] += length
                nameDocuments[Int(name)] += 1
            }
            for f in firstField..<fieldTexts.count {
                fieldNameLengths.append(lengths[fieldNameNumbers[f], default: 0])
            }
            documentFields.append(Int32(fieldTexts.count))
        }
    }

    private mutating func kindNumber(_ kind: String) -> Int32 {
        if let known = kindNumbers[kind] { return known }
        let number = Int32(kindNames.count)
        kindNumbers[kind] = number
        kindNames.append(kind)
        return number
    }

    private mutating func nameNumber(_ name: String) -> Int32 {
        if let known = nameNumbers[name] { return known }
        let number = Int32(nameTotals.count)
        nameNumbers[name] = number
        nameTotals.append(0)
        nameDocuments.append(0)
        return number
    }

    /// A copy with no spare capacity: the per-token arrays grew by doubling while the corpus was
    /// read, and the index keeps them for the life of the dataset (up to twice their size).
    static func trimmed<T>(_ values: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: values.count) { buffer, count in
            _ = buffer.initialize(fromContentsOf: values)
            count = values.count
        }
    }

    func build() -> SearchIndexStorage {
        let b = SearchIndexStorage.b
        var factors: [Double] = []
        factors.reserveCapacity(fieldTexts.count)
        for f in 0..<fieldTexts.count {
            let name = Int(fieldNameNumbers[f])
            let average = nameDocuments[name] > 0 ? Double(nameTotals[name]) / Double(nameDocuments[name]) : 0
            let normalisation = average > 0 ? 1 - b + b * Double(fieldNameLengths[f]) / average : 1
            factors.append(fieldWeights[f] / normalisation)
        }

        // Counting sort by term; tokens are visited in ascending order, so
        // each term's postings come out ascending.
        var offsets = [UInt32](repeating: 0, count: documentFrequencies.count + 1)
        for term in tokenTerms {
            offsets[Int(term) + 1] += 1
        }
        for t in 0..<documentFrequencies.count {
            offsets[t + 1] += offsets[t]
        }
        var cursor = offsets
        var postings = [UInt32](repeating: 0, count: tokenTerms.count)
        for (token, term) in tokenTerms.enumerated() {
            postings[Int(cursor[Int(term)])] = UInt32(token)
            cursor[Int(term)] += 1
        }

        return SearchIndexStorage(
            documentIDs: documentIDs, documentKinds: documentKinds, kindNames: kindNames,
            documentFields: documentFields, documentNumbers: documentNumbers, fieldNames: fieldNames,
            fieldTexts: fieldTexts, fieldDocuments: fieldDocuments, fieldFactors: factors,
            fieldTokens: Self.trimmed(fieldTokens), termNumbers: termNumbers,
            postingOffsets: offsets, postings: postings, documentFrequencies: documentFrequencies
        )
    }
}
