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
        return KnowledgeBase.byDate(items, descending: sort == "-date", date: date, id: id)
    }

    static func chronological(_ events: [Event], descending: Bool) -> [Event] {
        KnowledgeBase.byDate(events, descending: descending, date: { $0.start }, id: { $0.id })
    }
}
