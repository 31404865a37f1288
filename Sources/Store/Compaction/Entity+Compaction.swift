extension Entity {
    func compacted(by compactor: Compactor) -> Entity {
        var copy = Entity(
            id: compactor.string(id), kind: kind, name: compactor.string(name),
            aliases: compactor.array(aliases) { Alias(text: compactor.string($0.text), kind: $0.kind) },
            description: compactor.string(description), wikidata: compactor.string(wikidata),
            coordinates: coordinates, country: compactor.string(country),
            enrichment: compactor.strings(enrichment), origin: origin
        )
        copy.affiliation = compactor.string(affiliation)
        copy.demonyms = compactor.strings(demonyms)
        copy.isNewsOutlet = isNewsOutlet
        copy.capitalOf = compactor.string(capitalOf)
        return copy
    }
}

extension EntityStats {
    func compacted(by compactor: Compactor) -> EntityStats {
        EntityStats(
            entity: compactor.string(entity), mentionCount: mentionCount, articleCount: articleCount,
            firstSeen: firstSeen?.compacted(by: compactor), lastSeen: lastSeen?.compacted(by: compactor),
            coOccurrences: compactor.array(coOccurrences) {
                CoOccurrence(entity: compactor.string($0.entity), articleCount: $0.articleCount)
            }
        )
    }
}

extension NameIndex {
    func compacted(by compactor: Compactor) -> NameIndex {
        let entry = { (entry: Entry) in
            Entry(entity: entry.entity, matched: compactor.string(entry.matched), source: entry.source)
        }
        return NameIndex(entries: compactor.dictionary(entries, value: entry),
                         plain: compactor.dictionary(plain, value: entry),
                         forms: compactor.array(forms) { Form(entity: $0.entity, name: $0.name, words: compactor.strings($0.words)) },
                         formsByWord: compactor.dictionary(formsByWord) { compactor.values($0) })
    }
}
