/// The matching form of a served text, with a map back to served offsets.
///
/// Curly single and double quotes become `'` and `"`, every Unicode space or
/// line break (non-breaking spaces included) becomes one ASCII space with runs
/// collapsed, leading and trailing spaces are dropped, and invisible
/// characters (zero-width spaces and joiners, soft hyphens, stray BOMs) are
/// removed. `origins[i]` is the served scalar offset that shadow scalar `i`
/// came from, so a match in the shadow maps back to the served text. Built
/// once per paragraph at load; O(n).
struct ShadowText: Sendable, Hashable {
    let scalars: [Unicode.Scalar]
    /// 32-bit: 8 bytes per character with `scalars` instead of 12 (shadows were the load's largest
    /// transient allocation); a paragraph is far below 4 G scalars (`limits.maxArticleBytes` ≤ 1 GiB).
    let origins: [UInt32]
    let servedCount: Int

    init(served: [Unicode.Scalar]) {
        // Written into uninitialised storage (a shadow is never longer than what it maps: each of
        // its scalars comes from a distinct served one), printable ASCII without `map`'s switch:
        // three shadows are made of every paragraph at load, and appends were most of their cost.
        var origins: [UInt32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: served.count) { shadow, shadowCount in
            origins = [UInt32](unsafeUninitializedCapacity: served.count) { from, fromCount in
                var count = 0
                var pendingSpace = -1
                served.withUnsafeBufferPointer { input in
                    for offset in input.indices {
                        let scalar = input[offset]
                        let mapped: Unicode.Scalar
                        if scalar.value > 0x20 && scalar.value < 0x7F {
                            mapped = scalar
                        } else {
                            guard let other = ShadowText.map(scalar) else { continue }
                            if other == " " {
                                if pendingSpace < 0 { pendingSpace = offset }
                                continue
                            }
                            mapped = other
                        }
                        if pendingSpace >= 0, count > 0 {
                            shadow.initializeElement(at: count, to: " ")
                            from.initializeElement(at: count, to: UInt32(truncatingIfNeeded: pendingSpace))
                            count += 1
                        }
                        pendingSpace = -1
                        shadow.initializeElement(at: count, to: mapped)
                        from.initializeElement(at: count, to: UInt32(truncatingIfNeeded: offset))
                        count += 1
                    }
                }
                fromCount = count
                shadowCount = count
            }
        }
        self.scalars = scalars
        self.origins = origins
        self.servedCount = served.count
    }

    init(_ text: String) {
        self.init(served: text.scalarArray)
    }

    /// The shadow as a string (for keys and messages).
    var string: String {
        ShadowText.makeString(scalars)
    }

    /// A string from scalars, encoded straight to UTF-8 (much faster than
    /// going through `String.UnicodeScalarView`, which matters at load).
    /// The capacity is the exact UTF-8 length: these strings are kept for the life of the dataset
    /// (paragraph texts, mention texts), and a 4-bytes-per-scalar guess kept four times an
    /// English text's size resident.
    static func makeString<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// The served range covered by the non-empty shadow range `range`.
    func servedRange(_ range: Range<Int>) -> Range<Int> {
        precondition(!range.isEmpty && range.upperBound <= scalars.count, "shadow range out of bounds")
        return Int(origins[range.lowerBound])..<(Int(origins[range.upperBound - 1]) + 1)
    }

    /// The matching form of a single scalar: nil to drop it, " " for any space.
    static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.value < 0x80 {
            return (0x09...0x0D).contains(scalar.value) ? " " : scalar
        }
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032:
            return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
            return "\""
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
            return nil
        default:
            return scalar.properties.isWhitespace ? " " : scalar
        }
    }

    /// The matching form of `text` as a string (quotes, spaces, trimming).
    static func normalize(_ text: String) -> String {
        ShadowText(text).string
    }
}
