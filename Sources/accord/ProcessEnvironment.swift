#if canImport(Glibc)
import Glibc
#endif

/// The process's environment variables, read from `environ` (where the same name appears twice,
/// the first wins, as `getenv` has it): the configuration's `ACCORD_*` source, without Foundation's
/// `ProcessInfo` at start-up.
enum ProcessEnvironment {
    static func variables() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }
}
