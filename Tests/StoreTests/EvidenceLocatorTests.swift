import Testing
@testable import Store

@Suite struct EvidenceLocatorTests {
    static let paragraphs = [
        "Zelenskiy hailed the promise as \u{201C}a major step forward,\u{201D} adding more.",
        "Trump\u{2019}s offer\u{00A0}stands,   officials said.",
    ]
    static let shadows = paragraphs.map(ShadowText.init)

    @Test(arguments: [
        ("\"a major step forward,\"", 0),
        ("\u{201C}a major step forward,\u{201D}", 0),
        ("Trump's offer stands, officials said.", 1),
        ("Trump\u{2019}s  offer\nstands,", 1),
    ])
    func quotesAreFoundWhateverTheQuoteStyle(quote: String, paragraph: Int) throws {
        let found = try #require(EvidenceLocator.locate(quote, in: Self.shadows))
        #expect(found.paragraph == paragraph)
        let served = Array(Self.paragraphs[paragraph].unicodeScalars)[found.start..<found.end]
        #expect(ShadowText.normalize(String(String.UnicodeScalarView(served))) == ShadowText.normalize(quote))
    }

    @Test func offsetsPointAtTheServedText() throws {
        let found = try #require(EvidenceLocator.locate("offer stands", in: Self.shadows))
        #expect(found.start == 8)
        #expect(found.end == 20)
    }

    @Test(arguments: ["A major step forward", "adding more. Trump's offer", "nothing like it", "   "])
    func missesAreNil(quote: String) {
        #expect(EvidenceLocator.locate(quote, in: Self.shadows) == nil)
    }

    @Test func hintsExplainNearMisses() {
        #expect(EvidenceLocator.hint(for: "A MAJOR step", shadows: Self.shadows, stripped: [])?.contains("letter case") == true)
        #expect(EvidenceLocator.hint(for: "adding more. Trump's offer", shadows: Self.shadows, stripped: [])?.contains("spans two paragraphs") == true)
        let stripped = [StrippedBlock(kind: .inlineLink, text: "Also Read: Zelensky lauds India", line: 3)]
        #expect(EvidenceLocator.hint(for: "Zelensky lauds India", shadows: Self.shadows, stripped: stripped)?.contains("boilerplate") == true)
        #expect(EvidenceLocator.hint(for: "unrelated", shadows: Self.shadows, stripped: stripped) == nil)
    }
}
