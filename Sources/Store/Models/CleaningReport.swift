/// What the cleaner did to one article file, for `accord validate` and logs.
///
/// Pure data produced once at load. Stripped boilerplate itself is in
/// `Article.stripped`; this records the encoding facts and collapsed repeats.
public struct CleaningReport: Sendable, Hashable {
    /// The line terminators found in the file.
    public enum LineEnding: String, Sendable, Hashable, CaseIterable {
        case none, lf, crlf, cr, mixed
    }

    /// How paragraphs were delimited.
    public enum ParagraphBreak: String, Sendable, Hashable, CaseIterable {
        /// Every line is a paragraph.
        case singleNewline = "single-newline"
        /// Paragraphs are separated by blank lines; wrapped lines inside are joined.
        case blankLine = "blank-line"
    }

    /// A paragraph dropped because an earlier one already says it.
    public struct CollapsedRepeat: Sendable, Hashable {
        /// 1-based source line of the dropped paragraph.
        public let line: Int
        /// Index in `Article.paragraphs` of the kept paragraph it repeats.
        public let repeatOf: Int
        /// True when the dropped paragraph was a cut-off prefix of the kept one.
        public let truncated: Bool
        /// The dropped text, as in the file.
        public let text: String
    }

    public let byteCount: Int
    public let byteOrderMarkRemoved: Bool
    /// Control characters taken out of the text (NUL, escape codes, C1 codes; a vertical tab,
    /// form feed or U+0085 became a space): the served text is the file's without them.
    public let controlCharactersRemoved: Int
    public let lineEnding: LineEnding
    public let paragraphBreak: ParagraphBreak
    public let lineCount: Int
    public let collapsedRepeats: [CollapsedRepeat]
}
