import Testing

@testable import Store

@Suite("String.scalarArray")
struct StringScalarsTests {
    @Test("the same scalars as the standard library's view, for every UTF-8 length", arguments: [
        "", "a", "Zelensky met Putin.", "Zelens\u{301}kyy", "Київ і Харків", "\u{201C}quoted\u{201D}\u{00A0}—",
        "emoji 🇺🇦 and 𝔘", "\u{FEFF}BOM first", "mixed é\u{0301}ü\u{2060}x", String(repeating: "ß€😀a", count: 500),
    ])
    func sameAsTheView(text: String) {
        #expect(text.scalarArray == Array(text.unicodeScalars))
    }

    @Test("a substring made into a string decodes its own bytes")
    func substring() {
        let text = "prefix Київ suffix"
        let middle = String(text.dropFirst(7).dropLast(7))
        #expect(middle.scalarArray == Array("Київ".unicodeScalars))
    }
}
