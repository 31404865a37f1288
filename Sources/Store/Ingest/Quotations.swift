/// The quotations of a sentence: spans between curly (“ ”) or straight (") double quotes, as
/// string positions and as code-point offsets. Event extraction reads a quotation as the
/// speaker's words, apart from the reporter's frame around it. An unclosed quote opens no span.
struct Quotations {
    private var spans: [Range<String.Index>] = []
    private var offsets: [Range<Int>] = []

    var isEmpty: Bool { spans.isEmpty }

    init(_ sentence: String) {
        let utf8 = sentence.utf8
        // Most sentences have no quotation: one byte scan decides.
        guard utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == 0xE2 }) else { return }
        var open: (index: String.Index, offset: Int)?
        var offset = 0
        var position = utf8.startIndex
        while position < utf8.endIndex {
            let byte = utf8[position]
            var mark: UInt8?
            if byte == UInt8(ascii: "\"") {
                mark = open == nil ? 0x9C : 0x9D
            } else if byte == 0xE2 {
                let second = utf8.index(after: position)
                if second < utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    // U+201C and U+201D: E2 80 9C and E2 80 9D.
                    if third < utf8.endIndex, utf8[third] == 0x9C || utf8[third] == 0x9D { mark = utf8[third] }
                }
            }
            if mark == 0x9C {
                open = (position, offset)
            } else if mark == 0x9D, let start = open {
                spans.append(start.index..<position)
                offsets.append(start.offset..<offset)
                open = nil
            }
            if byte & 0xC0 != 0x80 { offset += 1 }
            position = utf8.index(after: position)
        }
    }

    func contains(_ index: String.Index) -> Bool { spans.contains { $0.contains(index) } }

    /// Whether the code point at `offset` from the sentence's start is quoted.
    func contains(scalarOffset offset: Int) -> Bool { offsets.contains { $0.contains(offset) } }
}

extension TemporalTokens.Token {
    /// The same place with no text: no rule reads it.
    var blanked: Self { Self(text: "", range: range, startsWithLetter: false, capitalized: false, abbreviated: false) }
}
