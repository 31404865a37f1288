/// Why a JSON document could not be parsed or read into records.
///
/// Every case carries the `SourceLocation` of the offending value (for a
/// missing field: of the object that lacks it) and a path such as
/// `entities[3].aliases[0].kind`. `description` is `file:line:column: message`.
/// Thrown with typed `throws(JSONError)` by `JSONDocument` and the typed
/// accessors of `LocatedJSON` and `JSONObject`.
public enum JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not JSON (or not UTF-8, or nest too deeply).
    case syntax(SourceLocation, message: String)
    case unknownField(SourceLocation, field: String, path: String, allowed: [String])
    case missingField(SourceLocation, field: String, path: String)
    case wrongType(SourceLocation, path: String, expected: String, found: String)
    case badEnumValue(SourceLocation, path: String, value: String, allowed: [String])
    /// The value has the right type but is not acceptable (empty, out of range ...).
    case invalidValue(SourceLocation, path: String, reason: String)

    public var location: SourceLocation {
        switch self {
        case .syntax(let location, _), .unknownField(let location, _, _, _),
             .missingField(let location, _, _), .wrongType(let location, _, _, _),
             .badEnumValue(let location, _, _, _), .invalidValue(let location, _, _):
            return location
        }
    }

    /// The message without the location prefix.
    public var message: String {
        switch self {
        case .syntax(_, let message):
            return "invalid JSON: \(message)"
        case .unknownField(_, let field, let path, let allowed):
            return "unknown field '\(field)' in \(JSONError.describe(path)); allowed: \(allowed.joined(separator: ", "))"
        case .missingField(_, let field, let path):
            return "missing required field '\(field)' in \(JSONError.describe(path))"
        case .wrongType(_, let path, let expected, let found):
            return "\(JSONError.describe(path)): expected \(expected), found \(found)"
        case .badEnumValue(_, let path, let value, let allowed):
            return "\(JSONError.describe(path)): '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case .invalidValue(_, let path, let reason):
            return "\(JSONError.describe(path)): \(reason)"
        }
    }

    public var description: String { "\(location): \(message)" }

    static func describe(_ path: String) -> String {
        path.isEmpty ? "the document" : path
    }
}
