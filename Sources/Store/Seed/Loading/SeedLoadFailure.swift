/// A failed load: the fatal errors (all of them, not only the first) and the
/// full report. The server refuses to start; `accord validate` prints it.
public struct SeedLoadFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [SeedError]
    public let report: LoadReport

    public var description: String {
        let lines = errors.map(\.description)
        return "seed load failed with \(errors.count) error\(errors.count == 1 ? "" : "s"):\n" + lines.joined(separator: "\n")
    }
}
