/// Cross-collection reference checks, run once every collection is loaded.
extension SeedAssembler {
    mutating func checkReferences() {
        for reference in pending {
            switch reference.target {
            case .proposal:
                if !proposalIDs.contains(reference.id) {
                    record(.danglingReference(reference.location, path: reference.path, id: reference.id,
                                              expected: "a proposal in proposals.json"))
                }
            case .entity(let preferred, let description):
                guard let index = entityIndex[reference.id] else {
                    record(.danglingReference(reference.location, path: reference.path, id: reference.id,
                                              expected: "an entity in entities.json"))
                    continue
                }
                let kind = entities[index].kind
                if !preferred.isEmpty && !preferred.contains(kind) {
                    warn(.unexpectedEntityKind(reference.location, path: reference.path, id: reference.id,
                                               expected: description, actual: kind))
                }
            }
        }
    }
}
