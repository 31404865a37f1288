import FoundationEssentials

/// Finds the directories Accord ships beside its binary (`seeds/`, `web/`): next to the binary
/// (the container layout: `/app/accord`, `/app/seeds`), then up from it (a checkout's
/// `.build/…/accord`). The binary is found through `/proc/self/exe`, so neither the working
/// directory nor how the binary was named on the command line (a bare name found on PATH)
/// matters. The working directory is never searched: `--seeds` and `--web` name other places.
enum ResourceLocator {
    /// The first `name/` directory that contains `marker`, or nil.
    static func find(_ name: String, containing marker: String) -> String? {
        let manager = FileManager.default
        let executable = (try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "."
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name)
            if manager.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// The default seeds directory: `seeds/` (with an `articles/` inside) beside the binary. When
    /// there is none, the path named is `seeds/` beside the binary, so the error says where it looked.
    static func seeds() -> String {
        if let found = find("seeds", containing: "articles") { return found }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "./accord"
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("seeds").path
    }
}
