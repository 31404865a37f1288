import HTTP
import Store

extension Application {
    /// `sort=date|-date` (default: by id).
    static func sortedByDate<T>(
        _ items: [T], _ query: QueryParameters, date: (T) -> DatePoint?, id: (T) -> String
    ) throws -> [T] {
        guard let sort = try query.string("sort") else { return items.sorted { id($0) < id($1) } }
        guard sort == "date" || sort == "-date" else {
            throw APIError.invalidParameter("sort", value: sort, reason: "allowed values: date, -date.")
        }
        return byDate(items, descending: sort == "-date", date: date, id: id)
    }

    /// A total order: by date (descending if asked), undated last either way, ties by id.
    static func byDate<T>(_ items: [T], descending: Bool, date: (T) -> DatePoint?, id: (T) -> String) -> [T] {
        items.sorted { left, right in
            switch (date(left), date(right)) {
            case let (l?, r?) where l.date != r.date: return descending ? l.date > r.date : l.date < r.date
            case (nil, _?): return false
            case (_?, nil): return true
            default: return id(left) < id(right)
            }
        }
    }

    static func chronological(_ events: [Event], descending: Bool) -> [Event] {
        byDate(events, descending: descending, date: { $0.start }, id: { $0.id })
    }
}
