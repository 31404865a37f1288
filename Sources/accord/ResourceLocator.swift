import FoundationEssentials

/// Finds the directories Accord ships beside its binary (`seeds/`, `web/`): next to the binary
/// (the container layout: `/app/accord`, `/app/seeds`), then up from it (a checkout's
/// `.build/…/accord`), then in the working directory.
enum ResourceLocator {
    /// The first `name/` directory that contains `marker`, or nil.
    static func find(_ name: String, containing marker: String) -> String? {
        let manager = FileManager.default
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name)
            if manager.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return manager.fileExists(atPath: name + "/" + marker) ? name : nil
    }

    /// The default seeds directory (`seeds/` with an `articles/` inside), else `./seeds`.
    static func seeds() -> String {
        find("seeds", containing: "articles") ?? "seeds"
    }
}
