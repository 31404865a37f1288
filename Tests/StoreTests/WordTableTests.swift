import Testing

@testable import Store

@Suite("WordTable")
struct WordTableTests {
    @Test("answers as a Dictionary does, over many words, hits and misses")
    func agreesWithDictionary() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz'-")
        func word() -> String { String((0..<Int.random(in: 1...18, using: &generator)).map { _ in letters.randomElement(using: &generator) ?? "a" }) }
        var entries: [String: Int] = [:]
        for number in 0..<3000 { entries[word()] = number }
        let table = WordTable(entries)
        for key in entries.keys { #expect(table[key] == entries[key]) }
        for _ in 0..<3000 {
            let probe = word()
            #expect(table[probe] == entries[probe])
        }
    }

    @Test("canonically equivalent spellings are one word, as String equality has it")
    func canonicalEquivalence() {
        let table = WordTable(["\u{212A}elvin": 1, "café": 2, "zelensky": 3, "na\u{0131}ve": 4])
        #expect(table["Kelvin"] == 1)            // the Kelvin sign composes to K
        #expect(table["\u{212A}elvin"] == 1)
        #expect(table["cafe\u{301}"] == 2)        // decomposed é
        #expect(table["café"] == 2)
        #expect(table["cafe"] == nil)
        #expect(table["zelensky"] == 3)
        #expect(table["Zelensky"] == nil)        // case is kept
        #expect(table["naive"] == nil)           // dotless ı is not i
        #expect(table["na\u{0131}ve"] == 4)
    }

    @Test("a word set from a literal")
    func set() {
        let words: WordTable<Void> = ["declined", "rejected"]
        #expect(words.contains("declined"))
        #expect(!words.contains("decline"))
        #expect(!words.contains(""))
    }
}
