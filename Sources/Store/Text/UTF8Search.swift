/// Whether a text holds a word or phrase, compared byte by byte over UTF-8: the cleaning and
/// metadata rules test short cue phrases ("cookies", "correspondent") on every line or paragraph
/// at load, where `String.contains` would compare by `Character`. Exact bytes: the caller
/// lowercases or folds first when it needs to.
enum UTF8Search {
    static func contains(_ text: String, _ needle: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { contains($0, needle) } ?? contains(Array(text.utf8), needle)
    }

    static func contains<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ needle: String) -> Bool where Bytes.Index == Int {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}
