/// Multi-word phrases looked up by their first word: per word, the lengths in words of the
/// phrases that start with it, longest first. A rule tries a phrase only from such a word and
/// only at those lengths: one lookup for most words, instead of one per possible length. The
/// one index for ``EventLexicon`` triggers and ``StanceExtractor`` cues and terms.
enum PhraseLengths {
    static func byFirstWord<Phrases: Sequence>(_ phrases: Phrases) -> WordTable<[Int]> where Phrases.Element == String {
        var lengths: [String: Set<Int>] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ")
            guard let first = words.first else { continue }
            lengths[String(first), default: []].insert(words.count)
        }
        return WordTable(lengths.mapValues { $0.sorted(by: >) })
    }
}
