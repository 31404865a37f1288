extension KnowledgeBase {
    /// The events', proposals' and their lookups' part of a copy (``compacted(by:records:)``).
    public struct CompactedRecords: Sendable {
        let indexes: RecordIndexes
    }

    /// The events, the proposals and their lookups copied by `compactor`: the part of a copy
    /// that a second thread makes while the first copies the rest.
    public func compactedRecords(by compactor: Compactor) -> CompactedRecords {
        CompactedRecords(indexes: RecordIndexes(copying: records, by: compactor))
    }

    /// The records and their lookups copied by `compactor` (see ``Compactor``), the events' and
    /// proposals' part taken from `records`, which is called once the rest is copied (it may
    /// wait for another thread's ``compactedRecords(by:)``).
    public func compacted(by compactor: Compactor, records: () -> CompactedRecords) -> KnowledgeBase {
        KnowledgeBase(compacting: self, by: compactor) { records().indexes }
    }

    /// The whole copy on one thread.
    public func compacted(by compactor: Compactor) -> KnowledgeBase {
        compacted(by: compactor) { compactedRecords(by: compactor) }
    }
}
