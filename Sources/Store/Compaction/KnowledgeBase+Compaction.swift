extension KnowledgeBase {
    /// The records and their lookups copied by `compactor` (see ``Compactor``).
    public func compacted(by compactor: Compactor) -> KnowledgeBase {
        KnowledgeBase(compacting: self, by: compactor)
    }
}
