extension Article {
    func compacted(by compactor: Compactor) -> Article {
        Article(
            id: compactor.string(id), file: compactor.string(file), title: compactor.string(title),
            outlet: compactor.string(outlet), published: published?.compacted(by: compactor),
            enrichment: compactor.strings(enrichment), isCurated: isCurated,
            paragraphs: compactor.array(paragraphs) { $0.compacted(by: compactor) },
            stripped: compactor.array(stripped) { $0.compacted(by: compactor) },
            cleaning: cleaning.compacted(by: compactor), metadata: metadata.compacted(by: compactor)
        )
    }
}

extension Paragraph {
    func compacted(by compactor: Compactor) -> Paragraph {
        Paragraph(index: index, text: compactor.string(text), kind: kind, line: line)
    }
}

extension StrippedBlock {
    func compacted(by compactor: Compactor) -> StrippedBlock {
        StrippedBlock(kind: kind, text: compactor.string(text), line: line)
    }
}

extension CleaningReport {
    func compacted(by compactor: Compactor) -> CleaningReport {
        CleaningReport(
            byteCount: byteCount, byteOrderMarkRemoved: byteOrderMarkRemoved,
            controlCharactersRemoved: controlCharactersRemoved, lineEnding: lineEnding,
            paragraphBreak: paragraphBreak, lineCount: lineCount,
            collapsedRepeats: compactor.array(collapsedRepeats) {
                CollapsedRepeat(line: $0.line, repeatOf: $0.repeatOf, truncated: $0.truncated, text: compactor.string($0.text))
            }
        )
    }
}

extension ArticleMetadata {
    func compacted(by compactor: Compactor) -> ArticleMetadata {
        var copy = ArticleMetadata(source: source)
        copy.inferred = compactor.dictionary(inferred) { compactor.string($0) }
        copy.notes = compactor.strings(notes)
        copy.url = compactor.string(url)
        copy.datelinePlace = compactor.string(datelinePlace)
        return copy
    }
}

extension DatePoint {
    func compacted(by compactor: Compactor) -> DatePoint {
        DatePoint(date: date, precision: precision, reason: compactor.string(reason))
    }
}
