/// Builds a `SearchIndexStorage`: the documents' fields tokenised in runs on every core, the
/// runs' terms numbered in order, then a counting sort of the postings.
///
/// - Complexity: O(total text length + terms); while building, about 12 bytes
///   per token on top of the texts (a run's local numbers, then the global ones, then the
///   postings); the index keeps 4 (see `SearchIndexStorage`).
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
    /// a run of fields per task (``TokenizedRun``), so that one large document (an event quoting
    /// thousands of reports) is shared out too; the runs' terms are then numbered in order, so
    /// the index is the one a single pass over the documents builds.
    mutating func add(_ documents: [SearchDocument]) {
        var fields: [FieldOfDocument] = []
        for (document, item) in documents.enumerated() {
            for field in item.fields { fields.append(FieldOfDocument(document: document, text: field.text)) }
        }
        let runs = Concurrently.mapChunks(fields) { Self.tokenize($0) }
        var fieldCounts: [UInt32] = []
        fieldCounts.reserveCapacity(fields.count)
        // Sized once for all the runs of this call (grown by doubling, the token array was copied
        // into fresh pages several times at 100k articles).
        tokenTerms.reserveCapacity(tokenTerms.count + runs.reduce(0) { $0 + $1.tokenTerms.count })
        // A document split between runs is counted once per run that has a term: the terms the
        // runs before had for it are kept (by global number) to take the repeats off again.
        var carried: (document: Int, terms: Set<UInt32>) = (-1, [])
        for run in runs {
            let global = number(run)
            if run.firstDocument == carried.document {
                for local in run.firstDocumentTerms where !carried.terms.insert(global[Int(local)]).inserted {
                    documentFrequencies[Int(global[Int(local)])] -= 1
                }
            }
            if run.lastDocument != carried.document {
                carried = (run.lastDocument, Set(run.lastDocumentTerms.map { global[Int($0)] }))
            }
            fieldCounts += run.fieldTokenCounts
        }
        var counts = fieldCounts.makeIterator()
        for document in documents {
            add(document, fieldTokenCounts: &counts)
        }
    }

    /// A field's text and the position of its document in the documents being added.
    struct FieldOfDocument: Sendable {
        let document: Int
        let text: String
    }

    /// The terms of a run of consecutive fields, numbered in the order the run first has them.
    struct TokenizedRun: Sendable {
        /// Run-local term number -> term, and the number of the run's documents that have it.
        var terms: [String] = []
        var documentFrequencies: [UInt32] = []
        /// Every token's run-local term number, field after field.
        var tokenTerms: [UInt32] = []
        /// Tokens per field.
        var fieldTokenCounts: [UInt32] = []
        /// The documents the run begins and ends in, and their terms (run-local numbers): a
        /// document may go on in the next run.
        var firstDocument = -1
        var lastDocument = -1
        var firstDocumentTerms: [UInt32] = []
        var lastDocumentTerms: [UInt32] = []
    }

    static func tokenize(_ fields: ArraySlice<FieldOfDocument>) -> TokenizedRun {
        var tokenizer = SearchTokenizer()
        let stemmer = tokenizer.stemmer
        // Forms already met, then stems: a form is stemmed once per run (so the stemmer's own
        // cache would never be hit), and two forms of one stem (`calls`, `called`) share its
        // number. Both are keyed by bytes: a folded form has no marks left to compose, so equal
        // strings are equal bytes.
        var forms = FoldedTermNumbers()
        var stems = FoldedTermNumbers()
        var lastDocument: [Int] = []
        var run = TokenizedRun()
        run.firstDocument = fields.first?.document ?? -1
        run.lastDocument = fields.last?.document ?? -1
        for field in fields {
            let before = run.tokenTerms.count
            tokenizer.forEachFoldedToken(in: field.text) { form in
                let number = forms.number(for: form) {
                    var stem = form
                    stemmer.stemUncached(&stem)
                    return stems.number(for: stem) {
                        let number = UInt32(run.terms.count)
                        run.terms.append(String(decoding: stem, as: UTF8.self))
                        run.documentFrequencies.append(0)
                        lastDocument.append(-1)
                        return number
                    }
                }
                if lastDocument[Int(number)] != field.document {
                    lastDocument[Int(number)] = field.document
                    run.documentFrequencies[Int(number)] += 1
                    if field.document == run.firstDocument { run.firstDocumentTerms.append(number) }
                    if field.document == run.lastDocument { run.lastDocumentTerms.append(number) }
                }
                run.tokenTerms.append(number)
            }
            run.fieldTokenCounts.append(UInt32(run.tokenTerms.count - before))
        }
        return run
    }

    /// `run`'s terms numbered after those already seen, in the run's order (the order a single
    /// pass meets them), its document frequencies and tokens added: the global number of each
    /// run-local one.
    private mutating func number(_ run: TokenizedRun) -> [UInt32] {
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
        return global
    }

    /// `document`'s fields, their token counts read from `fieldTokenCounts`.
    private mutating func add(_ document: SearchDocument, fieldTokenCounts: inout IndexingIterator<[UInt32]>) {
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
            fieldTokens.append((fieldTokens.last ?? 0) + (fieldTokenCounts.next() ?? 0))
        }
        // Per-document length of each field name, for BM25F normalisation, by name number
        // (-1: no field of that name; there are a handful of names).
        var lengths = [Int](repeating: -1, count: nameTotals.count)
        for f in firstField..<fieldTexts.count {
            lengths[Int(fieldNameNumbers[f])] = max(0, lengths[Int(fieldNameNumbers[f])]) + Int(fieldTokens[f + 1] - fieldTokens[f])
        }
        for (name, length) in lengths.enumerated() where length >= 0 {
            nameTotals[name] += length
            nameDocuments[name] += 1
        }
        for f in firstField..<fieldTexts.count {
            fieldNameLengths.append(lengths[Int(fieldNameNumbers[f])])
        }
        documentFields.append(Int32(fieldTexts.count))
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
