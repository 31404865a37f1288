import Foundation

/// Finds the default seeds directory: beside the binary (the container layout,
/// `/app/accord` + `/app/seeds`), then up from the binary (a checkout's `.build/…/accord`),
/// then `./seeds`.
enum SeedsLocator {
    static func defaultDirectory() -> String {
        let manager = FileManager.default
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("seeds")
            if manager.fileExists(atPath: candidate.appendingPathComponent("articles").path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return "seeds"
    }
}
