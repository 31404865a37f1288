/// One line of an article file, trimmed, with its 1-based line number.
///
/// `split(_:)` recognises LF, CRLF, lone CR and the Unicode line and
/// paragraph separators, and reports which terminators it saw. Linear.
struct SourceLine: Sendable {
    let number: Int
    let scalars: [Unicode.Scalar]

    var isBlank: Bool { scalars.isEmpty }

    var text: String {
        ShadowText.makeString(scalars)
    }

    /// Lowercased matching form for rule checks; nil for lines too long to be boilerplate.
    func ruleKey(maximumLength: Int = 300) -> String? {
        guard scalars.count <= maximumLength else { return nil }
        return ShadowText(served: scalars).string.lowercased()
    }

    static func split(_ scalars: [Unicode.Scalar]) -> (lines: [SourceLine], ending: CleaningReport.LineEnding) {
        var lines: [SourceLine] = []
        var sawLF = false
        var sawCRLF = false
        var sawCR = false
        var lineStart = 0
        var index = 0
        func finish(_ end: Int) {
            lines.append(SourceLine(number: lines.count + 1, scalars: trimmed(scalars[lineStart..<end])))
        }
        while index < scalars.count {
            switch scalars[index].value {
            case 0x0A, 0x2028, 0x2029:
                if scalars[index].value == 0x0A { sawLF = true }
                finish(index)
                index += 1
                lineStart = index
            case 0x0D:
                finish(index)
                if index + 1 < scalars.count, scalars[index + 1].value == 0x0A {
                    sawCRLF = true
                    index += 2
                } else {
                    sawCR = true
                    index += 1
                }
                lineStart = index
            default:
                index += 1
            }
        }
        if lineStart < scalars.count { finish(scalars.count) }
        let kinds = [sawLF, sawCRLF, sawCR].filter { $0 }.count
        let ending: CleaningReport.LineEnding =
            kinds > 1 ? .mixed : sawCRLF ? .crlf : sawCR ? .cr : sawLF ? .lf : .none
        return (lines, ending)
    }

    static func trimmed(_ slice: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var lower = slice.startIndex
        var upper = slice.endIndex
        while lower < upper, isTrimmable(slice[lower]) { lower += 1 }
        while upper > lower, isTrimmable(slice[upper - 1]) { upper -= 1 }
        return Array(slice[lower..<upper])
    }

    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace || ShadowText.map(scalar) == nil
    }
}
