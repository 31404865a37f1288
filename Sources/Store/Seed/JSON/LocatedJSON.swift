/// A parsed JSON value that knows where it came from.
///
/// Produced by `JSONDocument.parse(bytes:file:)`. Every value carries the
/// location of its first character and its path from the root
/// (`entities[3].aliases[0]`; the root's path is empty). Objects keep their
/// members in document order; duplicate keys are rejected by the parser.
/// Immutable and `Sendable`; read it with the typed accessors in
/// `LocatedJSON+Access.swift`, which throw `JSONError` naming the location.
public struct LocatedJSON: Sendable, Hashable {
    /// The JSON value itself; numbers are doubles (integers are exact up to 2^53).
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([LocatedJSON])
        case object([Member])
    }

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: LocatedJSON
    }

    public let value: Value
    public let location: SourceLocation
    public let path: String

    /// `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`.
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    static func memberPath(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    static func elementPath(_ parent: String, _ index: Int) -> String {
        parent + "[\(index)]"
    }
}
