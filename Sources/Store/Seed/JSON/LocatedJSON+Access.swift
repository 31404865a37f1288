/// Typed reads. Each throws `JSONError.wrongType` (or `.badEnumValue`,
/// `.invalidValue`) at this value's location when it does not fit.
extension LocatedJSON {
    public func string() throws(JSONError) -> String {
        guard case .string(let text) = value else { throw wrongType("a string") }
        return text
    }

    /// A string that is not empty after trimming whitespace.
    public func nonEmptyString() throws(JSONError) -> String {
        let text = try string()
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw .invalidValue(location, path: path, reason: "must not be empty")
        }
        return text
    }

    public func bool() throws(JSONError) -> Bool {
        guard case .bool(let flag) = value else { throw wrongType("a boolean") }
        return flag
    }

    public func double() throws(JSONError) -> Double {
        guard case .number(let number) = value else { throw wrongType("a number") }
        return number
    }

    /// A number with no fractional part that fits in `Int` exactly.
    public func int() throws(JSONError) -> Int {
        guard case .number(let number) = value else { throw wrongType("an integer") }
        guard number.rounded() == number, abs(number) <= 9_007_199_254_740_992 else {
            throw .invalidValue(location, path: path, reason: "expected an integer, found \(number)")
        }
        return Int(number)
    }

    public func array() throws(JSONError) -> [LocatedJSON] {
        guard case .array(let elements) = value else { throw wrongType("an array") }
        return elements
    }

    /// An object view; unknown fields are not checked here (see `JSONObject`).
    public func object() throws(JSONError) -> JSONObject {
        guard case .object(let members) = value else { throw wrongType("an object") }
        return JSONObject(members: members, location: location, path: path)
    }

    /// A string that must be the raw value of one case of `E`.
    public func enumeration<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(JSONError) -> E
    where E.RawValue == String {
        let text = try string()
        guard let result = E(rawValue: text) else {
            throw .badEnumValue(location, path: path, value: text, allowed: E.allCases.map(\.rawValue))
        }
        return result
    }

    /// An array of strings.
    public func strings() throws(JSONError) -> [String] {
        var result: [String] = []
        for element in try array() {
            result.append(try element.string())
        }
        return result
    }

    func wrongType(_ expected: String) -> JSONError {
        .wrongType(location, path: path, expected: expected, found: typeName)
    }
}
