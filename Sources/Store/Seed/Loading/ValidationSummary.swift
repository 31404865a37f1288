/// The report `accord validate` prints: counts, cleaning per article,
/// skipped files, errors, warnings and name candidates.
///
/// Pure formatting over a `SeedLoadResult` or a `SeedLoadFailure`; plain
/// text, one item per line, stable order so two runs can be diffed.
public struct ValidationSummary: Sendable {
    public let text: String
    /// Capitalised names matching no entity (empty after a failed load).
    public let candidates: [CandidateFinder.Candidate]

    public init(result: SeedLoadResult, candidateLimit: Int = 50) {
        let base = result.knowledgeBase
        candidates = CandidateFinder.candidates(in: base)
        var lines = ValidationSummary.header(report: result.report)
        lines.append(
            "loaded: \(base.articles.count) articles, \(base.entities.count) entities, \(base.mentions.count) mentions, "
                + "\(base.events.count) events, \(base.proposals.count) proposals in \(ValidationSummary.milliseconds(result.report.totalDuration))"
        )
        lines.append("phases: " + result.report.timings.map { "\($0.phase) \(ValidationSummary.milliseconds($0.duration))" }.joined(separator: ", "))
        lines += ValidationSummary.articleLines(report: result.report, titles: Dictionary(
            base.articles.map { ($0.id, ($0.isCurated ? "curated" : "uncurated") + ": " + $0.title) },
            uniquingKeysWith: { first, _ in first }
        ))
        lines += ValidationSummary.problemLines(report: result.report)
        lines += ValidationSummary.ingestLines(base, report: result.report)
        lines.append("")
        lines.append("candidates (capitalised names matching no entity alias): \(candidates.count)")
        for candidate in candidates.prefix(candidateLimit) {
            lines.append("  \(candidate.count)x \(candidate.text)  [\(candidate.articles.joined(separator: ", "))]")
        }
        if candidates.count > candidateLimit { lines.append("  ... \(candidates.count - candidateLimit) more") }
        lines.append("")
        lines.append(ValidationSummary.verdict(report: result.report))
        text = lines.joined(separator: "\n") + "\n"
    }

    /// The last line; `accord validate` exits 0 exactly when it reads "result: OK".
    static func verdict(report: LoadReport) -> String {
        let errors = report.errors.count
        guard errors == 0 else {
            return "result: FAILED: \(errors) seed file\(errors == 1 ? "" : "s") could not be loaded (the server would skip \(errors == 1 ? "it" : "them"))"
        }
        return "result: OK"
    }

    /// True when the verdict is OK.
    public var isOK: Bool { text.hasSuffix("result: OK\n") }

    public init(failure: SeedLoadFailure) {
        candidates = []
        var lines = ValidationSummary.header(report: failure.report)
        lines.append("loaded: \(failure.report.articles.count) article texts; annotations rejected")
        lines += ValidationSummary.articleLines(report: failure.report, titles: [:])
        lines += ValidationSummary.problemLines(report: failure.report)
        lines.append("")
        lines.append("result: FAILED with \(failure.errors.count) fatal error\(failure.errors.count == 1 ? "" : "s")")
        text = lines.joined(separator: "\n") + "\n"
    }

    static func header(report: LoadReport) -> [String] {
        ["seeds: \(report.directory)"]
    }

    static func articleLines(report: LoadReport, titles: [String: String]) -> [String] {
        var lines = ["", "articles: \(report.articles.count)"]
        for article in report.articles {
            var line = "  \(article.id): \(article.paragraphCount) paragraphs (\(article.headingCount) headings), "
                + "\(article.cleaning.paragraphBreak.rawValue) paragraphs, \(article.cleaning.lineEnding.rawValue) line endings"
            if article.cleaning.byteOrderMarkRemoved { line += ", BOM removed" }
            let controls = article.cleaning.controlCharactersRemoved
            if controls > 0 { line += ", \(controls) control character\(controls == 1 ? "" : "s") removed" }
            lines.append(line)
            if let title = titles[article.id] { lines.append("    \(title)") }
            for block in article.stripped {
                let lineCount = block.text.split(separator: "\n").count
                lines.append("    stripped \(block.kind.rawValue) at line \(block.line) (\(lineCount) line\(lineCount == 1 ? "" : "s")): \(preview(block.text))")
            }
            for collapsed in article.cleaning.collapsedRepeats {
                let how = collapsed.truncated ? "cut-off repeat" : "repeat"
                lines.append("    collapsed \(how) at line \(collapsed.line) of paragraph \(collapsed.repeatOf): \(preview(collapsed.text))")
            }
        }
        return lines
    }

    static func problemLines(report: LoadReport) -> [String] {
        var lines: [String] = []
        if !report.skipped.isEmpty {
            lines += ["", "skipped files: \(report.skipped.count)"]
            lines += report.skipped.map { "  \($0.path): \($0.reason)" }
        }
        lines += ["", "errors: \(report.errors.count)"]
        lines += report.errors.map { "  \($0.description)" }
        lines += ["", "warnings: \(report.warnings.count)"]
        lines += report.warnings.map { "  \($0.description)" }
        return lines
    }

    static func preview(_ text: String, limit: Int = 60) -> String {
        // Only the start is read: a quote may be a whole 100 KB paragraph, previewed once per
        // entity it names.
        let head = text.prefix(limit * 2 + 2)
        let flat = head.split(separator: "\n").joined(separator: " / ")
        return head.endIndex == text.endIndex && flat.count <= limit ? "\"\(flat)\"" : "\"\(flat.prefix(limit))…\""
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return "\((value * 10).rounded() / 10) ms"
    }
}
