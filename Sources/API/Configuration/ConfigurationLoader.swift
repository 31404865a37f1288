#if canImport(Glibc)
import Glibc
#endif
import Store

/// Merges the four configuration sources; the first problem found stops the merge with an
/// error that names the file position, variable or flag and what is wrong.
public enum ConfigurationLoader {
    /// A value given on the command line: the flag as typed, the setting path, the text.
    public typealias Flag = (flag: String, path: String, value: String)

    public static func load(
        file: String?, environment: [String: String], flags: [Flag]
    ) throws(ConfigurationError) -> AccordConfiguration {
        var configuration = AccordConfiguration()
        if let file { try apply(file: file, to: &configuration) }
        try apply(environment: environment, to: &configuration)
        for flag in flags {
            guard let setting = ConfigurationSetting.named(flag.path) else {
                throw ConfigurationError(source: flag.flag, message: "unknown setting \(flag.path)")
            }
            switch setting.parse(flag.value) {
            case .success(let value): setting.apply(&configuration, value)
            case .failure(let reason): throw ConfigurationError(source: flag.flag, message: "'\(flag.value)' \(reason.text)")
            }
        }
        return try configuration.validated()
    }

    public static func apply(file path: String, to configuration: inout AccordConfiguration) throws(ConfigurationError) {
        guard let bytes = readFile(path) else {
            throw ConfigurationError(source: path, message: "cannot read the configuration file (\(String(cString: strerror(errno))))")
        }
        let document: LocatedJSON
        do throws(JSONError) {
            document = try JSONDocument.parse(bytes: bytes, file: path)
        } catch {
            throw ConfigurationError(source: error.location.description, message: error.message)
        }
        guard case .object(let members) = document.value else {
            throw ConfigurationError(source: document.location.description, message: "the configuration must be a JSON object")
        }
        try apply(members: members, prefix: "", to: &configuration)
    }

    static func apply(members: [LocatedJSON.Member], prefix: String, to configuration: inout AccordConfiguration) throws(ConfigurationError) {
        for member in members {
            let path = prefix.isEmpty ? member.key : prefix + "." + member.key
            if let setting = ConfigurationSetting.named(path) {
                if member.value.isNull { continue }
                let value = try typedValue(member.value, for: setting, path: path)
                switch setting.check(value) {
                case .success(let checked): setting.apply(&configuration, checked)
                case .failure(let reason):
                    throw ConfigurationError(source: member.value.location.description, message: "\(path) \(reason.text)")
                }
            } else if case .object(let children) = member.value.value,
                      ConfigurationSetting.all.contains(where: { $0.path.hasPrefix(path + ".") }) {
                try apply(members: children, prefix: path, to: &configuration)
            } else {
                let siblings = Set(ConfigurationSetting.all.compactMap { setting -> String? in
                    guard prefix.isEmpty || setting.path.hasPrefix(prefix + ".") else { return nil }
                    let rest = prefix.isEmpty ? setting.path : String(setting.path.dropFirst(prefix.count + 1))
                    return rest.split(separator: ".").first.map(String.init)
                }).sorted()
                throw ConfigurationError(
                    source: member.keyLocation.description,
                    message: "unknown key '\(path)'; allowed here: \(siblings.joined(separator: ", "))"
                )
            }
        }
    }

    static func typedValue(_ json: LocatedJSON, for setting: ConfigurationSetting, path: String) throws(ConfigurationError) -> ConfigurationSetting.Value {
        let wrong = { (expected: String) in
            ConfigurationError(source: json.location.description, message: "\(path) must be \(expected), not \(json.typeName)")
        }
        switch (setting.kind, json.value) {
        case (.integer, .number(let number)):
            guard number.rounded() == number, abs(number) < 1e15 else { throw wrong("an integer") }
            return .integer(Int(number))
        case (.seconds, .number(let number)):
            return .seconds(number)
        case (.boolean, .bool(let flag)):
            return .boolean(flag)
        case (.text, .string(let text)), (.choice, .string(let text)), (.url, .string(let text)):
            return .text(text)
        case (.list, .array(let items)), (.cidrs, .array(let items)), (.origins, .array(let items)), (.headerNames, .array(let items)):
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item.value else {
                    throw ConfigurationError(source: item.location.description, message: "\(path) must hold strings, not \(item.typeName)")
                }
                strings.append(text)
            }
            return .list(strings)
        case (.integer, _): throw wrong("an integer")
        case (.seconds, _): throw wrong("a number of seconds")
        case (.boolean, _): throw wrong("true or false")
        case (.list, _), (.cidrs, _), (.origins, _), (.headerNames, _): throw wrong("an array of strings")
        default: throw wrong("a string")
        }
    }

    /// `ACCORD_*` variables; an unknown one is an error (a typo must not be ignored).
    public static func apply(environment: [String: String], to configuration: inout AccordConfiguration) throws(ConfigurationError) {
        let byName = Dictionary(uniqueKeysWithValues: ConfigurationSetting.all.map { ($0.environmentName, $0) })
        for (name, raw) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("ACCORD_") {
            if byName[name] == nil || name == "ACCORD_PORT", ServiceLinkVariable.matches(name: name, value: raw) {
                configuration.ignoredEnvironment.append(name)
                continue
            }
            guard let setting = byName[name] else {
                throw ConfigurationError(source: "environment \(name)",
                                         message: "unknown variable; known: \(byName.keys.sorted().joined(separator: ", "))")
            }
            switch setting.parse(raw) {
            case .success(let value): setting.apply(&configuration, value)
            case .failure(let reason): throw ConfigurationError(source: "environment \(name)", message: "'\(raw)' \(reason.text)")
            }
        }
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
        return ferror(handle) == 0 ? bytes : nil
    }
}
