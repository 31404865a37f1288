extension LoadReport {
    /// The report copied by `compactor`: the per-article summaries, the extracted entities and the
    /// skipped files. Errors and warnings (one per problem, an enum of located strings each) are
    /// kept as they are.
    public func compacted(by compactor: Compactor) -> LoadReport {
        var copy = self
        copy.articles = compactor.array(articles) { summary in
            ArticleSummary(
                id: compactor.string(summary.id), file: compactor.string(summary.file),
                paragraphCount: summary.paragraphCount, headingCount: summary.headingCount,
                stripped: compactor.array(summary.stripped) { $0.compacted(by: compactor) },
                cleaning: summary.cleaning.compacted(by: compactor)
            )
        }
        copy.extractedEntities = compactor.array(extractedEntities) { found in
            ExtractedEntity(
                id: compactor.string(found.id), name: compactor.string(found.name), kind: found.kind,
                rule: compactor.string(found.rule), article: compactor.string(found.article), quote: compactor.string(found.quote)
            )
        }
        copy.skipped = compactor.array(skipped) {
            SkippedFile(path: compactor.string($0.path), reason: compactor.string($0.reason))
        }
        copy.directory = compactor.string(directory)
        return copy
    }
}
