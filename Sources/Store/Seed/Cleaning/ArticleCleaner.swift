/// Turns the raw bytes of an article file into served paragraphs.
///
/// Steps: strict UTF-8 decoding (a BOM is dropped; the first bad byte is
/// reported; a file of NULs, UTF-16 or binary, is refused), control characters removed (`withoutControls`), line splitting (LF, CRLF, CR), boilerplate stripping
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
        // A stray NUL is dropped with the other controls; NULs in one byte of eight or more is
        // UTF-16 without a byte order mark (ASCII text reads as valid UTF-8 with a NUL before or
        // after every letter) or a binary file, not an article.
        let firstControl = firstControlByte(body)
        if let firstControl {
            let nulBytes = body[firstControl...].count { $0 == 0 }
            if nulBytes > 0, nulBytes >= body.count / 8, let first = body.firstIndex(of: 0) {
                throw .notText(SourceLocation.of(offset: first, in: bytes, file: file), nulBytes: nulBytes)
            }
        }
        let decoded = String(decoding: body, as: UTF8.self).scalarArray
        let (scalars, controls) = firstControl == nil ? (decoded, 0) : withoutControls(decoded)
        let (lines, ending) = SourceLine.split(scalars)
        let (keep, stripped) = BoilerplateDetector.strip(lines)
        let blankLineMode = usesBlankLines(lines)
        let drafts = assemble(lines: lines, keep: keep, blankLineMode: blankLineMode)
        let collapsed = RepeatCollapser.collapse(drafts)
        let report = CleaningReport(
            byteCount: bytes.count,
            byteOrderMarkRemoved: hasBOM,
            controlCharactersRemoved: controls,
            lineEnding: ending,
            paragraphBreak: blankLineMode ? .blankLine : .singleNewline,
            lineCount: lines.count,
            collapsedRepeats: collapsed.repeats
        )
        return CleanedText(paragraphs: collapsed.paragraphs, stripped: stripped, report: report)
    }

    /// The text without C0 and C1 control characters, and how many there were. A NUL, an escape
    /// sequence or a stray C1 code in a scraped file is not text: served, it would reach a CSV
    /// cell or an iCalendar line (RFC 5545 forbids controls in TEXT) and the explorer as is.
    /// Tab and the line breaks stay (the line splitter reads them); a vertical tab, form feed
    /// or next-line (U+0085) becomes a space, so the words on either side stay apart; every
    /// other control (NUL, ESC, DEL, U+0080–U+009F) is dropped. Called only for a file whose
    /// bytes have one (``firstControlByte(_:)``): an ordinary article has none.
    static func withoutControls(_ scalars: [Unicode.Scalar]) -> ([Unicode.Scalar], removed: Int) {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        var removed = 0
        for scalar in scalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                kept.append(scalar)
            case 0x0B, 0x0C, 0x85:
                kept.append(" ")
                removed += 1
            case 0x00...0x1F, 0x7F...0x9F:
                removed += 1
            default:
                kept.append(scalar)
            }
        }
        return (kept, removed)
    }

    /// Where the first control character's bytes start (C0 but tab and the line breaks, DEL,
    /// U+0080–U+009F as UTF-8 C2 80 … C2 9F), or nil.
    static func firstControlByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.indices.first { index in
            let byte = bytes[index]
            if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
            return byte == 0x7F || (byte == 0xC2 && index + 1 < bytes.endIndex && (0x80...0x9F).contains(bytes[index + 1]))
        }
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
