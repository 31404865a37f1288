/// A JSON object read field by field, with the errors a schema needs.
///
/// Obtained from `LocatedJSON.object()`. `unknownFields(allowed:)` lists every
/// member outside the schema (so a caller can report them all), `required`
/// and `optional` fetch members by name. A member whose value is `null`
/// counts as absent for `optional` and as present for `required`, so a
/// required nullable field (`"outlet": null`) reads naturally.
public struct JSONObject: Sendable, Hashable {
    public let members: [LocatedJSON.Member]
    public let location: SourceLocation
    public let path: String

    /// The member named `key`, if any.
    public subscript(key: String) -> LocatedJSON? {
        members.first { $0.key == key }?.value
    }

    /// One `.unknownField` error per member not in `allowed`, in document order.
    public func unknownFields(allowed: [String]) -> [JSONError] {
        members.compactMap { member in
            allowed.contains(member.key)
                ? nil
                : JSONError.unknownField(member.keyLocation, field: member.key, path: path, allowed: allowed)
        }
    }

    /// Throws the first unknown field, for callers that stop at one error.
    public func checkFields(allowed: [String]) throws(JSONError) {
        if let first = unknownFields(allowed: allowed).first { throw first }
    }

    /// The member named `key`; `.missingField` at this object when absent.
    public func required(_ key: String) throws(JSONError) -> LocatedJSON {
        guard let value = self[key] else { throw .missingField(location, field: key, path: path) }
        return value
    }

    /// The member named `key`, or nil when it is absent or `null`.
    public func optional(_ key: String) -> LocatedJSON? {
        guard let value = self[key], !value.isNull else { return nil }
        return value
    }
}
