/// A failed load: the fatal errors (all of them, not only the first) and the
/// full report. The server refuses to start; `accord validate` prints it.
public struct SeedLoadFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [SeedError]
    public let report: LoadReport

    /// The fatal errors, after the files the load skipped: a skipped article (too large, not
    /// UTF-8) is the cause of every record that cites it failing, and was left out before.
    public var description: String {
        let lines = errors.map(\.description)
        var text = ""
        let skipped = report.errors.filter { !errors.contains($0) }
        if !skipped.isEmpty {
            text += "skipped \(skipped.count) file\(skipped.count == 1 ? "" : "s") (a record citing one fails below):\n"
                + skipped.map(\.description).joined(separator: "\n") + "\n"
        }
        return text + "seed load failed with \(errors.count) error\(errors.count == 1 ? "" : "s"):\n" + lines.joined(separator: "\n")
    }
}
