import Testing
@testable import Store

@Suite struct ValidationSummaryTests {
    @Test func summaryOfASuccessfulLoad() throws {
        let result = try SeedLoader(directory: StoreFixtures.directory("minimal-seeds")).load()
        let text = ValidationSummary(result: result).text
        #expect(text.contains("loaded: 3 articles, 9 entities, "))
        #expect(text.contains("2 events, 1 proposals"))
        #expect(text.contains("extraction: 0 new events, 0 curated events with new sources, 0 new proposals, 0 new positions"))
        #expect(text.contains("stripped related-links at line 3 (4 lines): \"Read next / 08:42 / Unrelated teaser"))
        #expect(text.contains("stripped source-credit at line 7 (1 line): \"Source: Reuters\""))
        #expect(text.contains("errors: 0"))
        #expect(text.hasSuffix("result: OK\n"))
    }

    @Test func summaryOfAFailedLoad() {
        do {
            _ = try SeedLoader(directory: StoreFixtures.directory("broken-references")).load()
            Issue.record("loaded")
        } catch {
            let text = ValidationSummary(failure: error).text
            #expect(text.contains("errors: 2"))
            #expect(text.contains("'atlantis' does not name an entity"))
            #expect(text.hasSuffix("result: FAILED with 2 fatal errors\n"))
        }
    }

    @Test func candidatesAreUncoveredCapitalisedNames() throws {
        let article = StoreFixtures.file("articles/a.txt", """
            The Atlantic Council warned that Putin doubts the resolve of Kyiv.
            Diplomatic efforts stalled. Meanwhile Kremlin spokesperson Dmitry Peskov spoke on Friday.
            In Washington, the Bank of England was not discussed. Dmitry Peskov spoke again.
            """)
        let entities = StoreFixtures.entitiesJSON("""
            {"id": "vladimir-putin", "type": "person", "name": "Vladimir Putin", "aliases": [{"text": "Putin", "kind": "short-form"}]},
            {"id": "kyiv", "type": "place", "name": "Kyiv", "aliases": []}
            """)
        let result = try StoreFixtures.load([article, entities])
        let candidates = ValidationSummary(result: result).candidates
        let names = Set(candidates.map(\.text))
        // Names a pattern found ("spokesperson Dmitry Peskov", "the Atlantic Council") became extracted
        // entities; what is left are names no rule covers.
        #expect(names.isSuperset(of: ["Kremlin", "Washington"]))
        let extracted = Set(result.report.extractedEntities.map(\.name))
        #expect(extracted.isSuperset(of: ["Dmitry Peskov", "Atlantic Council", "Bank of England"]), "\(extracted)")
        #expect(names.isDisjoint(with: extracted))
        #expect(names.isDisjoint(with: ["Putin", "Kyiv", "Diplomatic", "Friday", "The Atlantic Council", "Meanwhile", "In"]))
    }
}

/// The candidate names of a one-paragraph article of megabytes are found in one sweep over its
/// mentions (a check of every mention per word took 44 s for 2.5 MB).
extension ValidationSummaryTests {
    @Test func candidatesOfAHugeParagraphSkipCoveredWordsInOrder() {
        let text = String(repeating: "Putin met Example Person in Kyiv. ", count: 3)
        let paragraph = Paragraph(index: 0, text: text, kind: .body, line: 1)
        // "Putin" and "Kyiv" covered, at 0..<5 and 28..<32 of each 34-scalar repeat, given out of order.
        var covered: [Range<Int>] = []
        for repeat_ in 0..<3 {
            let start: Int = repeat_ * 34
            covered.append((start + 28)..<(start + 32))
            covered.append(start..<(start + 5))
        }
        covered.reverse()
        #expect(CandidateFinder.names(in: paragraph, covered: covered) == ["Example Person", "Example Person", "Example Person"])
    }
}
