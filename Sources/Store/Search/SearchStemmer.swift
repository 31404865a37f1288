/// A light, plural-only English stemmer applied to every folded term.
///
/// It only has to make a plural and its singular meet; the stem need not
/// be a word. Rules for a term `w`, first match wins:
/// 1. `w` has 3 or fewer scalars, or does not end in `s`: unchanged
///    (`us`, `its`, `gas`, `guarantee`).
/// 2. `w` is in `exceptions` (`news`, `always`, `series`, ...): unchanged.
/// 3. `-ies` with more than 4 scalars → `-y` (`countries` → `country`;
///    `ties` falls through to rule 6 → `tie`).
/// 4. `-sses` → `-ss` (`classes` → `class`).
/// 5. `-ches`, `-shes`, `-xes` with more than 4 scalars → drop `es`
///    (`speeches` → `speech`, `taxes` → `tax`).
/// 6. `-ss`, `-us`, `-is`: unchanged (`class`, `status`, `Paris`, `this`).
/// 7. Otherwise drop the final `s` (`talks` → `talk`, `ceasefires` → `ceasefire`).
///
/// Known misses, accepted for predictability: `-che` nouns (`headaches` →
/// `headach` but `headache` stays), `-se` plurals of `-s` words (`buses`,
/// `aliases`), irregular plurals (`crises`, `men`), and verbs (`says` → `say`
/// is a plus, `does` → `doe` is harmless because queries are stemmed alike).
///
/// Works on UTF-8 bytes: the suffixes are ASCII, and ASCII bytes never occur
/// inside a multi-byte scalar.
enum SearchStemmer {
    /// Words ending in `s` that are not plurals of a shorter form we index.
    static let exceptions: [[UInt8]] = [
        "news", "always", "perhaps", "whereas", "series", "species", "lens", "chaos",
    ].map { Array($0.utf8) }

    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func stem(_ word: inout [UInt8]) {
        guard word.count > 3, word.last == UInt8(ascii: "s") else { return }
        let length = scalarCount(word)
        guard length > 3 else { return }
        if exceptions.contains(where: { $0 == word }) { return }
        if length > 4, hasSuffix(word, "ies") {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
        } else if hasSuffix(word, "sses") {
            word.removeLast(2)
        } else if length > 4, hasSuffix(word, "ches") || hasSuffix(word, "shes") || hasSuffix(word, "xes") {
            word.removeLast(2)
        } else if hasSuffix(word, "ss") || hasSuffix(word, "us") || hasSuffix(word, "is") {
            return
        } else {
            word.removeLast()
        }
    }

    private static func hasSuffix(_ word: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard word.count >= count else { return false }
        return suffix.withUTF8Buffer { tail in
            var offset = word.count - count
            for byte in tail {
                if word[offset] != byte { return false }
                offset += 1
            }
            return true
        }
    }

    private static func scalarCount(_ word: [UInt8]) -> Int {
        var count = 0
        for byte in word where byte & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }
}
