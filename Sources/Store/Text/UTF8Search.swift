import CSystem

/// Whether a text holds a word or phrase, compared byte by byte over UTF-8 (glibc's `memmem`):
/// the cleaning and metadata rules test short cue phrases ("cookies", "correspondent") on every
/// line or paragraph at load, where `String.contains` would compare by `Character`. Exact bytes:
/// the caller lowercases or folds first when it needs to.
enum UTF8Search {
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress, !pattern.isEmpty else {
                    return pattern.isEmpty
                }
                return accord_memmem_found(base, haystack.count, patternBase, pattern.count) != 0
            }
        }
    }

    /// Whether `text` starts with `prefix`, byte for byte.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }
}
