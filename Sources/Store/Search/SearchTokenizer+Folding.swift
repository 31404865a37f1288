extension SearchTokenizer {
    /// What a scalar does to tokenisation.
    enum ScalarClass: Hashable, Sendable {
        case word(isLetter: Bool)
        /// A combining mark: part of the word around it, folded away.
        case mark
        case apostrophe
        case dot
        case separator
    }

    /// A non-ASCII scalar's class and its folded UTF-8 form (words only).
    struct FoldedScalar: Sendable {
        var scalarClass: ScalarClass
        var bytes: [UInt8]
    }

    mutating func classify(_ scalar: UInt32) -> ScalarClass {
        if scalar < 0x80 {
            switch scalar {
            case 0x61...0x7A, 0x41...0x5A: return .word(isLetter: true)
            case 0x30...0x39: return .word(isLetter: false)
            case 0x27: return .apostrophe
            case 0x2E: return .dot
            default: return .separator
            }
        }
        return folded(scalar).scalarClass
    }

    /// Appends the folded form of a word scalar to `term`.
    mutating func appendFolded(_ scalar: UInt32) {
        if scalar < 0x80 {
            // ASCII upper case to lower case: set bit 5 of letters only.
            let byte = UInt8(truncatingIfNeeded: scalar)
            term.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        } else {
            term.append(contentsOf: folded(scalar).bytes)
        }
    }

    private mutating func folded(_ scalar: UInt32) -> FoldedScalar {
        if let cached = foldedScalars[scalar] { return cached }
        let result = Self.fold(scalar)
        foldedScalars[scalar] = result
        return result
    }

    static func fold(_ value: UInt32) -> FoldedScalar {
        guard let scalar = Unicode.Scalar(value) else {
            return FoldedScalar(scalarClass: .separator, bytes: [])
        }
        switch value {
        case 0x2019, 0x2018, 0x02BC, 0x201B, 0xFF07:
            return FoldedScalar(scalarClass: .apostrophe, bytes: [])
        default:
            break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return FoldedScalar(scalarClass: .mark, bytes: [])
        case .decimalNumber:
            return FoldedScalar(scalarClass: .word(isLetter: false), bytes: Array(String(scalar).utf8))
        default:
            break
        }
        guard properties.isAlphabetic else {
            return FoldedScalar(scalarClass: .separator, bytes: [])
        }
        let text = DiacriticFolding.fold(scalar)
        if text.isEmpty {
            return FoldedScalar(scalarClass: .mark, bytes: [])
        }
        return FoldedScalar(scalarClass: .word(isLetter: true), bytes: Array(text.utf8))
    }
}
