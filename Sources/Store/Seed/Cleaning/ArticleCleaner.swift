/// Turns the raw bytes of an article file into served paragraphs.
///
/// Steps: strict UTF-8 decoding (a BOM is dropped; the first bad byte is
/// reported), line splitting (LF, CRLF, CR), boilerplate stripping
/// (`BoilerplateDetector`), paragraph assembly, heading detection and repeat
/// collapsing (`RepeatCollapser`). Paragraphs are separated by blank lines
/// when the file has any, otherwise by single newlines; inside a blank-line
/// block, hard-wrapped lines are joined with one space. Pure and linear in
/// the input.
enum ArticleCleaner {
    static func clean(bytes: [UInt8], file: String) throws(SeedError) -> CleanedText {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if let bad = UTF8Validator.firstInvalidOffset(bytes, from: hasBOM ? 3 : 0) {
            throw .invalidUTF8(SourceLocation.of(offset: bad, in: bytes, file: file), byteOffset: bad)
        }
        let body = hasBOM ? bytes[3...] : bytes[...]
        let scalars = String(decoding: body, as: UTF8.self).scalarArray
        let (lines, ending) = SourceLine.split(scalars)
        let (keep, stripped) = BoilerplateDetector.strip(lines)
        let blankLineMode = usesBlankLines(lines)
        let drafts = assemble(lines: lines, keep: keep, blankLineMode: blankLineMode)
        let collapsed = RepeatCollapser.collapse(drafts)
        let report = CleaningReport(
            byteCount: bytes.count,
            byteOrderMarkRemoved: hasBOM,
            lineEnding: ending,
            paragraphBreak: blankLineMode ? .blankLine : .singleNewline,
            lineCount: lines.count,
            collapsedRepeats: collapsed.repeats
        )
        return CleanedText(paragraphs: collapsed.paragraphs, stripped: stripped, report: report)
    }

    /// A paragraph before repeat collapsing.
    struct Draft {
        let scalars: [Unicode.Scalar]
        let kind: Paragraph.Kind
        let line: Int
    }

    /// True when some blank line separates two non-blank lines.
    static func usesBlankLines(_ lines: [SourceLine]) -> Bool {
        guard let first = lines.firstIndex(where: { !$0.isBlank }),
              let last = lines.lastIndex(where: { !$0.isBlank }) else { return false }
        return lines[first...last].contains { $0.isBlank }
    }

    /// Groups kept lines into paragraphs. Blank and stripped lines end a block.
    static func assemble(lines: [SourceLine], keep: [Bool], blankLineMode: Bool) -> [Draft] {
        var drafts: [Draft] = []
        var block: [SourceLine] = []
        func flush() {
            defer { block.removeAll(keepingCapacity: true) }
            guard !block.isEmpty else { return }
            if blankLineMode && isHardWrapped(block) {
                var joined: [Unicode.Scalar] = []
                for line in block {
                    if !joined.isEmpty { joined.append(" ") }
                    joined.append(contentsOf: line.scalars)
                }
                drafts.append(Draft(scalars: joined, kind: LineShape.kind(joined), line: block[0].number))
            } else {
                for line in block {
                    drafts.append(Draft(scalars: line.scalars, kind: LineShape.kind(line.scalars), line: line.number))
                }
            }
        }
        for (index, line) in lines.enumerated() {
            if line.isBlank || !keep[index] {
                flush()
            } else {
                block.append(line)
            }
        }
        flush()
        return drafts
    }

    /// A block whose lines look like a fixed-width wrap: the widest line 60 to 100 scalars (the
    /// widths tools wrap at), the non-final ones at least 40 and none in capitals (a subhead), each
    /// non-final line full, so the next line's first word would not have fitted on it (a headline
    /// over a longer standfirst is not a wrap), and no line after the first opening like a site's
    /// time stamp ("Updated 9:41 AM EDT", "Published …", "Posted: …").
    static func isHardWrapped(_ block: [SourceLine]) -> Bool {
        guard block.count >= 2, let width = block.map(\.scalars.count).max(), (60...100).contains(width) else { return false }
        return zip(block, block.dropFirst()).allSatisfy { line, next in
            let nextWord = next.scalars.prefix { !SourceLine.isTrimmable($0) && $0 != ":" }
            return (40...100).contains(line.scalars.count) && !LineShape.isAllCapitals(line.scalars)
                && line.scalars.count + 1 + nextWord.count > width
                && !timeStampOpenings.contains(String(String.UnicodeScalarView(nextWord)))
        }
    }

    static let timeStampOpenings: Set<String> = ["Updated", "Published", "Posted", "Modified", "UPDATED", "PUBLISHED"]
}
