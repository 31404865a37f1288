import HTTP
import Store

/// A request's query parameters, checked against what the endpoint allows.
///
/// Unknown parameters are errors that name the parameter, so a typo (`?stauts=held`) is
/// reported instead of silently ignored. A list parameter may be repeated
/// (`status=held&status=scheduled`, as generated clients send `explode: true` arrays) or
/// comma-separated, or both; a single-valued one given twice is an error.
struct QueryParameters {
    /// The pairs as sent. A query has a handful of parameters, so a scan beats hashing each name.
    private let pairs: [(name: String, value: String)]
    /// The endpoint's own parameters (``common`` are allowed everywhere besides).
    let allowed: [String]
    /// `pretty`, `pretty=true` or `pretty=1` indent JSON; `pretty=false` or `pretty=0` do not;
    /// any other value is a 400, as for every other parameter.
    let pretty: Bool

    /// Every endpoint understands these.
    static let common = ["format", "pretty"]
    static let paging = ["limit", "offset"]

    init(_ request: HTTPRequest, allowed: [String]) throws(APIError) {
        self.allowed = allowed
        for (name, _) in request.query where !allowed.contains(name) && !Self.common.contains(name) {
            throw .unknownParameter(name, allowed: (allowed + Self.common).sorted())
        }
        pairs = request.query
        // `format` is read before the endpoint's own parameters (the negotiation), by its first
        // value: a second one is refused here, as any single-valued parameter given twice is.
        guard request.query.lazy.filter({ $0.name == "format" }).count < 2 else { throw .repeatedParameter("format") }
        let prettyValues = request.query.compactMap { $0.name == "pretty" ? $0.value : nil }
        guard prettyValues.count < 2 else { throw .repeatedParameter("pretty") }
        switch prettyValues.first {
        case nil, "false", "0": pretty = false
        case "", "true", "1": pretty = true
        case let value?: throw .invalidParameter("pretty", value: value, reason: "must be empty, true, false, 1 or 0.")
        }
    }

    /// The first value given for `name`.
    subscript(name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// Every value given for `name`, in order.
    private func values(_ name: String) -> [String] {
        pairs.compactMap { $0.name == name ? $0.value : nil }
    }

    /// A non-empty trimmed value, or nil when absent; present but empty, or given twice, is an error.
    func string(_ name: String) throws(APIError) -> String? {
        guard pairs.lazy.filter({ $0.name == name }).count < 2 else { throw .repeatedParameter(name) }
        return try single(name)
    }

    private func single(_ name: String, raw given: String? = nil) throws(APIError) -> String? {
        guard let raw = given ?? self[name] else { return nil }
        let value = raw.trimmingCharacters(in: " ")
        guard !value.isEmpty else { throw .invalidParameter(name, value: raw, reason: "must not be empty.") }
        return value
    }

    /// A comma-separated list (`status=held, scheduled`): items trimmed; a list with an empty
    /// item (`status=,` or `status=held,,x`) is refused rather than read as "no filter".
    func list(_ name: String) throws(APIError) -> [String]? {
        var items: [String] = []
        let given = values(name)
        for raw in given {
            guard let value = try single(name, raw: raw) else { continue }
            // Split and trim on UTF-8 bytes, in one pass over the contiguous storage: `,` and ` `
            // are ASCII, so no character breaking is needed, and every cut stays valid UTF-8.
            var bytes = value
            let emptyItem = bytes.withUTF8 { utf8 -> Bool in
                var start = 0
                while start <= utf8.count {
                    var end = start
                    while end < utf8.count && utf8[end] != UInt8(ascii: ",") { end += 1 }
                    var low = start, high = end
                    while low < high && utf8[low] == UInt8(ascii: " ") { low += 1 }
                    while high > low && utf8[high - 1] == UInt8(ascii: " ") { high -= 1 }
                    guard low < high else { return true }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[low..<high]), as: UTF8.self)
                    if !items.contains(text) { items.append(text) }
                    start = end + 1
                }
                return false
            }
            if emptyItem {
                throw .invalidParameter(name, value: value, reason: "a comma-separated list must not have empty items.")
            }
        }
        return given.isEmpty ? nil : items
    }

    /// A list restricted to `allowed` values.
    func list(_ name: String, allowed: [String]) throws(APIError) -> [String]? {
        guard let items = try list(name) else { return nil }
        for item in items where !allowed.contains(item) {
            throw .invalidParameter(name, value: item, reason: "allowed values: \(allowed.joined(separator: ", ")).")
        }
        return items
    }

    /// A comma-separated list of enum values (`status=held,scheduled`).
    func enumList<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type) throws(APIError) -> [E]? where E.RawValue == String {
        guard let items = try list(name) else { return nil }
        var result: [E] = []
        for raw in items {
            guard let parsed = E(rawValue: raw) else {
                throw .invalidParameter(name, value: raw, reason: "allowed values: \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            result.append(parsed)
        }
        return result
    }

    func integer(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let value = try string(name) else { return defaultValue }
        // Digits only: `Int` also reads a sign ("+5"), which no link Accord writes carries.
        guard value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let number = Int(value),
              range.contains(number) else {
            throw .invalidParameter(name, value: value, reason: "must be an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day of a year or month.
    func date(_ name: String, end: Bool) throws(APIError) -> CalendarDate? {
        guard let value = try string(name) else { return nil }
        let invalid = APIError.invalidParameter(name, value: value, reason: "must be a date: YYYY, YYYY-MM or YYYY-MM-DD.")
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        // Four digits, then two and two: "2025-1-1" is not the format the error names.
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
              let year = Int(parts[0]) else { throw invalid }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : (end ? 12 : 1)
        let day: Int
        if parts.count == 3 {
            day = Int(parts[2]) ?? 0
        } else {
            day = end ? (CalendarDate.daysIn(month: month, year: year) ?? 0) : 1
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { throw invalid }
        return date
    }

}

/// `limit` (default 20, at most 1,000: a client such as the explorer takes a whole corpus's
/// events in one request; `limits.maxResponseBytes` still bounds the body) and `offset`.
struct Page {
    let limit: Int
    let offset: Int

    static let defaultLimit = 20
    static let maximumLimit = 1000

    init(_ query: QueryParameters) throws(APIError) {
        limit = try query.integer("limit", default: Self.defaultLimit, range: 1...Self.maximumLimit)
        offset = try query.integer("offset", default: 0, range: 0...1_000_000_000)
    }

    /// This page of `items`; only the page is touched, so a lazy collection costs the page.
    func slice<C: RandomAccessCollection>(_ items: C) -> C.SubSequence where C.Index == Int {
        let start = items.startIndex + min(offset, items.count)
        return items[start..<min(items.endIndex, start + limit)]
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
