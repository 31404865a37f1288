/// Boilerplate removed from an article's text at load, kept for reporting.
///
/// `text` is the removed source lines joined with `\n`, as they were in the
/// file (trimmed). `line` is the 1-based source line of its first line.
public struct StrippedBlock: Sendable, Hashable {
    /// Which cleaning rule removed the block.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A "Read next" / "You May Also Like" / "Related" header with the teasers after it.
        case relatedLinks = "related-links"
        /// A one-line link such as "Also Read: ..." or "Related: ...".
        case inlineLink = "inline-link"
        /// "What is your opinion on this topic?", "Leave a comment" and the like.
        case commentPrompt = "comment-prompt"
        /// A "Source: ..." credit line.
        case sourceCredit = "source-credit"
        /// A dash-led wire trailer such as "--Agencies" or "— Reuters".
        case agencyTrailer = "agency-trailer"
        /// "(Reporting by ...)", "(Editing by ...)", "With inputs from ...".
        case reportingCredit = "reporting-credit"
        /// The site's furniture rather than the story: a cookie or consent banner, a newsletter
        /// or subscription prompt, a copyright or reuse notice, a photo credit, a "Tags" line,
        /// "Advertisement", "Skip to content".
        case siteNotice = "site-notice"
    }

    public let kind: Kind
    public let text: String
    public let line: Int
}
