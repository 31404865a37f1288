/// The cleaned form of one article file: what `ArticleCleaner` produces.
struct CleanedText: Sendable {
    let paragraphs: [Paragraph]
    let stripped: [StrippedBlock]
    let report: CleaningReport

    /// The matching form of each paragraph, made when asked for: kept from the cleaning until
    /// mention detection, every article's forms (8 bytes per character) were most of a large
    /// load's peak (2.4 GB of 7.2 at 100,000 articles) and of its page faults.
    func shadows() -> [ShadowText] {
        paragraphs.map { ShadowText($0.text) }
    }
}
