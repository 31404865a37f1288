import HTTP
import Store

/// What a route builds from the dataset: its JSON and, where the resource has them,
/// other encodings. Built once per cache key (see `Application.resource`) and then served from the cache.
struct Rendered {
    var json: JSON
    /// Records for `text/csv` (lists).
    var csvRecords: [JSON]?
    /// A record whose columns head an empty CSV page.
    var csvTemplate: JSON?
    /// Other encodings (GeoJSON, iCalendar), produced on demand.
    var encodings: [Format: () -> [UInt8]] = [:]
    /// RFC 8288 `Link` header value for lists.
    var link: String?
}
