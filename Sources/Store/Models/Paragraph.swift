/// One paragraph of an article's cleaned text, as served.
///
/// `text` keeps the file's original characters (curly quotes, non-breaking
/// spaces); only line breaks inside a hard-wrapped paragraph become single
/// spaces and the ends are trimmed. Every offset the Store reports
/// (`Mention`, `Evidence`) counts Unicode scalars of `text`.
public struct Paragraph: Sendable, Hashable {
    /// What the paragraph is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A section subhead: a short line without terminal punctuation.
        case heading
        /// Running text.
        case body
        /// A photo's caption ("Mark Rutte (L) and … (Presidential Office)"): served, searched
        /// and linked to entities, but no event or stance is read from it.
        case caption
    }

    /// Position in `Article.paragraphs`, from 0.
    public let index: Int
    public let text: String
    public let kind: Kind
    /// 1-based line in the source file where the paragraph starts.
    public let line: Int

    init(index: Int, text: String, kind: Kind, line: Int) {
        self.index = index
        self.text = text
        self.kind = kind
        self.line = line
    }

    /// The scalars `start..<end` of `text`, or nil when the range is out of bounds.
    public func excerpt(start: Int, end: Int) -> String? {
        let scalars = text.unicodeScalars
        guard start >= 0, start <= end,
              let lower = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let upper = scalars.index(lower, offsetBy: end - start, limitedBy: scalars.endIndex)
        else { return nil }
        return String(scalars[lower..<upper])
    }
}
