import HTTP

/// One setting: its dotted path in the config file, the value it takes, and where it goes.
/// The environment variable is derived from the path (`limits.maxBodyBytes` →
/// `ACCORD_LIMITS_MAX_BODY_BYTES`), so file, environment and flags cannot drift apart.
struct ConfigurationSetting: Sendable {
    enum Kind: Sendable {
        case integer(ClosedRange<Int>)
        case seconds(ClosedRange<Double>)
        case boolean
        case text
        case list
        case cidrs
        /// An absolute http(s) URL with no query or fragment (`publicUrl`).
        case url
        /// CORS origins: `*` or `scheme://host[:port]`; they reach a response header.
        case origins
        /// HTTP field names (RFC 9110 tokens).
        case headerNames
        case choice([String])
    }

    enum Value {
        case integer(Int), seconds(Double), boolean(Bool), text(String), list([String])
    }

    /// Why a value was refused ("must be an integer from 1 to 10").
    struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    let path: String
    let kind: Kind
    let help: String
    let apply: @Sendable (inout AccordConfiguration, Value) -> Void

    var environmentName: String {
        var name = "ACCORD_"
        for character in path {
            if character == "." {
                name += "_"
            } else if character.isUppercase {
                name += "_" + String(character)
            } else {
                name += character.uppercased()
            }
        }
        return name
    }

    /// Parses a textual value (environment, flags); lists are comma-separated.
    func parse(_ raw: String) -> Result<Value, Reason> {
        let text = raw.trimmingCharacters(in: " ")
        switch kind {
        case .integer(let range):
            guard let number = Int(text), range.contains(number) else { return .failure(Reason(rangeMessage(range))) }
            return .success(.integer(number))
        case .seconds(let range):
            guard let number = Double(text), range.contains(number) else {
                return .failure(Reason("must be a number of seconds from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(.seconds(number))
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes", "on": return .success(.boolean(true))
            case "false", "0", "no", "off": return .success(.boolean(false))
            default: return .failure(Reason("must be true or false"))
            }
        case .text:
            return .success(.text(text))
        case .url:
            return check(.text(text))
        case .list, .cidrs, .origins, .headerNames:
            let items = text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            return check(.list(items))
        case .choice(let choices):
            guard choices.contains(text) else { return .failure(Reason("must be one of: \(choices.joined(separator: ", "))")) }
            return .success(.text(text))
        }
    }

    /// `*`, or an RFC 6454 serialised origin: `http(s)://host[:port]`, visible ASCII only.
    /// RFC 9110 §5.6.2 tchar.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }

    static func isOrigin(_ value: String) -> Bool {
        if value == "*" { return true }
        guard value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") }) else { return false }
        for scheme in ["http://", "https://"] where value.lowercased().hasPrefix(scheme) {
            let authority = value.dropFirst(scheme.count)
            return !authority.isEmpty && !authority.contains("/") && !authority.contains("@")
                && !authority.contains("?") && !authority.contains("#")
        }
        return false
    }

    /// A value with control characters shown as escapes, for error messages.
    static func visible(_ value: String) -> String {
        value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    func rangeMessage(_ range: ClosedRange<Int>) -> String {
        "must be an integer from \(range.lowerBound) to \(range.upperBound)"
    }

    /// Checks a value that arrived already typed (from JSON) against the kind's bounds.
    func check(_ value: Value) -> Result<Value, Reason> {
        switch (kind, value) {
        case (.integer(let range), .integer(let number)):
            return range.contains(number) ? .success(value) : .failure(Reason(rangeMessage(range)))
        case (.seconds(let range), .seconds(let number)):
            return range.contains(number) ? .success(value)
                : .failure(Reason("must be a number of seconds from \(range.lowerBound) to \(range.upperBound)"))
        case (.cidrs, .list(let items)):
            for item in items where CIDR(item) == nil {
                return .failure(Reason("'\(item)' is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1)"))
            }
            return .success(value)
        case (.url, .text(let text)):
            guard PublicURL(text) != nil else {
                return .failure(Reason("'\(Self.visible(text))' is not a public URL: use http(s)://host[:port][/path] with no "
                    + "user information, query, fragment, spaces or control characters"))
            }
            return .success(value)
        case (.origins, .list(let items)):
            for item in items where !Self.isOrigin(item) {
                return .failure(Reason("'\(Self.visible(item))' is not an origin: use * or scheme://host[:port], "
                    + "with no spaces, commas or control characters (it is sent in Access-Control-Allow-Origin)"))
            }
            return .success(value)
        case (.headerNames, .list(let items)):
            for item in items where item.isEmpty || !item.utf8.allSatisfy(Self.isTokenByte) {
                return .failure(Reason("'\(Self.visible(item))' is not a header field name (letters, digits and !#$%&'*+-.^_`|~)"))
            }
            return .success(value)
        case (.choice(let choices), .text(let text)):
            return choices.contains(text) ? .success(value) : .failure(Reason("must be one of: \(choices.joined(separator: ", "))"))
        default:
            return .success(value)
        }
    }
}
