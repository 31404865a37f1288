import HTTP

/// A JSON value with ordered object members, so every representation has a stable byte
/// form (and therefore a stable ETag) on every replica.
public indirect enum JSON: Sendable, Equatable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    /// A value already serialized compactly (a record from ``RecordFragments``): written as is.
    case raw([UInt8])

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// `value` as a string, or null.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    public static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }

    /// UTF-8 bytes; `pretty` indents with two spaces (RFC 8259 allows either).
    public func serialized(pretty: Bool = false) -> [UInt8] {
        serialized(pretty: pretty, limit: .max) ?? []
    }

    /// The bytes, or nil as soon as they pass `limit`: an oversized body is abandoned part-way,
    /// never built whole.
    public func serialized(pretty: Bool, limit: Int) -> [UInt8]? {
        var out: [UInt8] = []
        // Room for the compact form up front (a page of records is tens of KB): no regrowing.
        out.reserveCapacity(min(limit, estimatedCount + (pretty ? estimatedCount / 2 : 0)) + 1)
        guard write(into: &out, pretty: pretty, depth: 0, limit: limit) else { return nil }
        if pretty { out.append(0x0A) }
        return out.count <= limit ? out : nil
    }

    /// False once `out` holds more than `limit` bytes (checked after each member, element and string).
    func write(into out: inout [UInt8], pretty: Bool, depth: Int, limit: Int = .max) -> Bool {
        switch self {
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return true
            }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, pretty, depth + 1)
                out.append(UInt8(ascii: "\""))
                JSONString.escape(key, into: &out)
                out.append(contentsOf: pretty ? "\": ".utf8 : "\":".utf8)
                guard value.write(into: &out, pretty: pretty, depth: depth + 1, limit: limit) else { return false }
            }
            newline(&out, pretty, depth)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return true
            }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, pretty, depth + 1)
                guard element.write(into: &out, pretty: pretty, depth: depth + 1, limit: limit) else { return false }
            }
            newline(&out, pretty, depth)
            out.append(UInt8(ascii: "]"))
        case .string(let value):
            out.append(UInt8(ascii: "\""))
            JSONString.escape(value, into: &out)
            out.append(UInt8(ascii: "\""))
        case .int(let value):
            DecimalDigits.append(value, to: &out)
        case .double(let value):
            out.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        case .bool(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        case .raw(let bytes):
            out.append(contentsOf: bytes)
        }
        return out.count <= limit
    }

    /// About the compact form's length: exact for raw records and ASCII strings, a guess for numbers.
    var estimatedCount: Int {
        switch self {
        case .object(let members): return members.reduce(2) { $0 + $1.0.utf8.count + 4 + $1.1.estimatedCount }
        case .array(let elements): return elements.reduce(2) { $0 + 1 + $1.estimatedCount }
        case .string(let value): return value.utf8.count + 2
        case .raw(let bytes): return bytes.count
        case .int, .double: return 8
        case .bool, .null: return 5
        }
    }

    private func newline(_ out: inout [UInt8], _ pretty: Bool, _ depth: Int) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// Member lookup for tests and encoders.
    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }
}
