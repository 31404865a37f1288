/// The pass over a whole file: single-line rules plus sidebar runs.
extension BoilerplateDetector {
    /// Returns which lines to keep (indexed like `lines`) and the stripped blocks in file order.
    static func strip(_ lines: [SourceLine]) -> (keep: [Bool], blocks: [StrippedBlock]) {
        var keep = [Bool](repeating: true, count: lines.count)
        var blocks: [StrippedBlock] = []
        let content = lines.indices.filter { !lines[$0].isBlank }
        var cursor = 0
        while cursor < content.count {
            let index = content[cursor]
            switch role(of: lines[index]) {
            case .content:
                cursor += 1
            case .single(let kind):
                keep[index] = false
                blocks.append(StrippedBlock(kind: kind, text: lines[index].text, line: lines[index].number))
                cursor += 1
            case .sidebarHeader:
                let end = sidebarEnd(after: cursor, content: content, lines: lines)
                let taken = content[cursor..<end]
                for line in taken { keep[line] = false }
                let text = taken.map { lines[$0].text }.joined(separator: "\n")
                blocks.append(StrippedBlock(kind: .relatedLinks, text: text, line: lines[index].number))
                cursor = end
            }
        }
        return (keep, blocks)
    }

    /// The position in `content` just past the teasers that follow the header
    /// at `header`. A teaser is an optional timestamp, a short title and an
    /// optional one-paragraph blurb; if the first teaser has a timestamp,
    /// every teaser must. Stops at the first line that fits no teaser slot.
    static func sidebarEnd(after header: Int, content: [Int], lines: [SourceLine]) -> Int {
        var cursor = header + 1
        var timestamped: Bool?
        var expecting = Slot.teaserStart
        while cursor < content.count {
            let line = lines[content[cursor]]
            guard role(of: line) == .content else { break }
            let isTime = LineShape.isTimestamp(line.scalars)
            let isTitle = isTeaserTitle(line.scalars)
            switch expecting {
            case .teaserStart:
                if isTime {
                    if timestamped == nil { timestamped = true }
                    guard timestamped == true else { return cursor }
                    expecting = .title
                } else if isTitle, timestamped != true {
                    timestamped = false
                    expecting = .blurbOrNext
                } else {
                    return cursor
                }
            case .title:
                guard isTitle else { return cursor }
                expecting = .blurbOrNext
            case .blurbOrNext:
                if isTime || (isTitle && timestamped != true) {
                    // The next teaser starts here; re-examine the line as such.
                    expecting = .teaserStart
                    continue
                }
                expecting = .teaserStart
            }
            cursor += 1
        }
        return cursor
    }

    enum Slot {
        case teaserStart, title, blurbOrNext
    }

    /// A teaser headline: short, no sentence-ending period.
    static func isTeaserTitle(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count <= 100, let last = scalars.last, LineShape.wordCount(scalars) <= 14 else { return false }
        return !".;:,".unicodeScalars.contains(last) && scalars.contains { $0.properties.isAlphabetic }
    }
}
