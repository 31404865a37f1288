import Testing

@testable import Store

@Suite("FoldedTermNumbers")
struct FoldedTermNumbersTests {
    @Test("each form is made once and keeps its number through the table's growth")
    func formsKeepTheirNumbers() {
        var table = FoldedTermNumbers()
        var made = 0
        // Prefixes of one another, equal lengths, one byte apart: the cases a byte comparison
        // or a length check could confuse. 5,000 forms grow the table from 1,024 slots.
        let forms = (0..<5_000).map { Array("form\($0)".utf8) } + [Array("form".utf8), Array("for".utf8), [0xC3, 0xA9]]
        for (index, form) in forms.enumerated() {
            let number = table.number(for: form) {
                made += 1
                return UInt32(index)
            }
            #expect(number == UInt32(index))
        }
        for (index, form) in forms.enumerated().reversed() {
            #expect(table.number(for: form) { UInt32.max } == UInt32(index))
        }
        #expect(made == forms.count)
        #expect(table.count == forms.count)
    }
}
