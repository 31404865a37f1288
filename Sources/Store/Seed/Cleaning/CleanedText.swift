/// The cleaned form of one article file: what `ArticleCleaner` produces.
struct CleanedText: Sendable {
    let paragraphs: [Paragraph]
    /// `shadows[i]` is the matching form of `paragraphs[i].text`.
    let shadows: [ShadowText]
    let stripped: [StrippedBlock]
    let report: CleaningReport
}
