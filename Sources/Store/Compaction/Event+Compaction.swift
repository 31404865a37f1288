extension Event {
    func compacted(by compactor: Compactor) -> Event {
        var copy = Event(
            id: compactor.string(id), title: compactor.string(title), kind: kind, status: status,
            start: start?.compacted(by: compactor), end: end?.compacted(by: compactor),
            location: compactor.string(location),
            participants: compactor.array(participants) { Participant(entity: compactor.string($0.entity), role: $0.role) },
            summary: compactor.string(summary), proposals: compactor.strings(proposals),
            evidence: compactor.array(evidence) { $0.compacted(by: compactor) },
            enrichment: compactor.strings(enrichment), articles: compactor.strings(articles),
            outlets: compactor.strings(outlets)
        )
        copy.provenance = provenance
        copy.confidence = confidence
        copy.rule = compactor.string(rule)
        copy.notes = compactor.strings(notes)
        copy.statusAsOf = statusAsOf?.compacted(by: compactor)
        copy.overdue = overdue
        return copy
    }
}

extension Evidence {
    func compacted(by compactor: Compactor) -> Evidence {
        var copy = Evidence(article: compactor.string(article), quote: compactor.string(quote),
                            paragraph: paragraph, start: start, end: end)
        copy.provenance = provenance
        return copy
    }
}

extension StatusAsOf {
    func compacted(by compactor: Compactor) -> StatusAsOf {
        StatusAsOf(date: date?.compacted(by: compactor), article: compactor.string(article))
    }
}
