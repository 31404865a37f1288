import Store

extension JSON {
    /// `{"date", "precision", "reason"}`, as served and as the seed files write it; null when unknown.
    public static func datePoint(_ point: DatePoint?) -> JSON {
        guard let point else { return .null }
        return .object([("date", .string(point.iso)), ("precision", .string(point.precision.rawValue)), ("reason", .string(point.reason))])
    }
}
