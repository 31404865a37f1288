import Testing
@testable import Store

/// The temporal resolver against the curated seed dates whose reason quotes the text
/// (`text says 'in February'`, `'on Friday'`, …): the quoted words are resolved in their
/// evidence sentence against the article's publication date, and compared with the date a
/// curator wrote. The table is printed for the README; the test pins the agreement so that
/// a change to the rules that loses ground shows up.
@Suite struct SeedDateAgreementTests {
    struct Row: CustomStringConvertible {
        let record: String
        let phrase: String
        let curated: DatePoint
        let resolved: DatePoint?
        var agrees: Bool { resolved?.iso == curated.iso && resolved?.precision == curated.precision }
        var description: String {
            "| \(record) | '\(phrase)' | \(curated.iso) (\(curated.precision.rawValue)) | "
                + "\(resolved.map { "\($0.iso) (\($0.precision.rawValue))" } ?? "—") | \(agrees ? "yes" : "**no**") |"
        }
    }

    /// The first 'quoted' phrase of a reason.
    static func quoted(_ reason: String) -> String? {
        let parts = reason.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let phrase = String(parts[1])
        return phrase.isEmpty ? nil : phrase
    }

    static func rows() throws -> [Row] {
        let base = try SeedLoader(directory: StoreFixtures.realSeeds).load().knowledgeBase
        var rows: [Row] = []
        func check(_ record: String, _ date: DatePoint?, _ evidence: [Evidence]) {
            guard let date, let phrase = quoted(date.reason) else { return }
            // The evidence sentence that holds the phrase gives the tense and the article's date.
            guard let item = evidence.first(where: { $0.quote.contains(phrase) }),
                  let article = base.article(id: item.article), let published = article.published else { return }
            // Only phrases that are temporal expressions ("has already all but rejected" is not one).
            let resolver = TemporalResolver(published: published)
            guard !resolver.matches(in: phrase).isEmpty else { return }
            let match = resolver.matches(in: item.quote).first { $0.text.contains(phrase) || phrase.contains($0.text) }
            rows.append(Row(record: record, phrase: phrase, curated: date, resolved: match?.date))
        }
        for event in base.events {
            check(event.id, event.start, event.evidence)
        }
        for proposal in base.proposals {
            for (index, position) in proposal.positions.enumerated() {
                check("\(proposal.id) position \(index)", position.date, position.evidence)
            }
        }
        return rows
    }

    @Test func agreementWithTheCuratedDatesIsReported() throws {
        let rows = try Self.rows()
        let agreeing = rows.filter(\.agrees).count
        print("seed-date agreement: \(agreeing) of \(rows.count)")
        for row in rows { print(row) }
        #expect(rows.count >= 10, "enough curated dates quote the text to measure")
        // 14 of 16 on 2026-11-29; the two others differ in precision only (README, "Drop-in articles").
        #expect(agreeing >= 14, "\(agreeing) of \(rows.count)")
    }
}
