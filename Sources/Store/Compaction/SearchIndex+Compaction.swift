extension SearchIndex {
    /// The index copied by `compactor`; its texts are the records' (one storage for both).
    public func compacted(by compactor: Compactor) -> SearchIndex {
        SearchIndex(storage: storage.compacted(by: compactor))
    }
}

extension SearchIndexStorage {
    func compacted(by compactor: Compactor) -> SearchIndexStorage {
        SearchIndexStorage(
            documentIDs: compactor.strings(documentIDs), documentKinds: compactor.values(documentKinds),
            kindNames: compactor.strings(kindNames), documentFields: compactor.values(documentFields),
            documentNumbers: compactor.dictionary(documentNumbers) { compactor.dictionary($0) { $0 } },
            fieldNames: compactor.strings(fieldNames), fieldTexts: compactor.strings(fieldTexts),
            fieldDocuments: compactor.values(fieldDocuments), fieldFactors: compactor.values(fieldFactors),
            fieldTokens: compactor.values(fieldTokens),
            termNumbers: compactor.dictionary(termNumbers) { $0 },
            postingOffsets: compactor.values(postingOffsets), postings: compactor.values(postings),
            documentFrequencies: compactor.values(documentFrequencies)
        )
    }
}
