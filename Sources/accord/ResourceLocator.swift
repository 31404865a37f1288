#if canImport(Glibc)
import Glibc
#endif

/// Finds the directories Accord ships beside its binary (`seeds/`, `web/`): next to the binary
/// (the container layout: `/app/accord`, `/app/seeds`), then up from it (a checkout's
/// `.build/…/accord`). The binary is found through `/proc/self/exe`, so neither the working
/// directory nor how the binary was named on the command line (a bare name found on PATH)
/// matters. The working directory is never searched: `--seeds` and `--web` name other places.
/// Plain POSIX calls and path strings: a start-up runs no Foundation code (its pages were part of
/// the idle RSS).
enum ResourceLocator {
    /// The first `name/` directory that contains `marker`, looking in `start` (the binary's
    /// directory) and up to five directories above it, or nil.
    static func find(_ name: String, containing marker: String, from start: String = parent(of: executable())) -> String? {
        var directory = start
        for _ in 0..<6 {
            let candidate = join(directory, name)
            if access(join(candidate, marker), F_OK) == 0 { return candidate }
            directory = parent(of: directory)
        }
        return nil
    }

    /// The default seeds directory: `seeds/` (with an `articles/` inside) beside the binary. When
    /// there is none, the path named is `seeds/` beside the binary, so the error says where it looked.
    static func seeds(from start: String = parent(of: executable())) -> String {
        find("seeds", containing: "articles", from: start) ?? join(start, "seeds")
    }

    /// The running binary, every symbolic link resolved; else the first argument, resolved if it can be.
    static func executable() -> String {
        resolved("/proc/self/exe") ?? CommandLine.arguments.first.map { resolved($0) ?? $0 } ?? "."
    }

    /// `realpath(3)`: absolute, without links, `.` or `..`; nil if the path does not resolve.
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// The directory a path is in: `/app/accord` → `/app`, `/accord` → `/`, `accord` → `.`.
    static func parent(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = path[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
