import HTTP

/// The representations Accord can produce, chosen by `?format=` or by `Accept`.
enum Format: String, CaseIterable, Sendable {
    case json, csv, geojson, ics

    var mediaType: String {
        switch self {
        case .json: return "application/json"
        case .csv: return "text/csv; charset=utf-8"
        case .geojson: return "application/geo+json"
        case .ics: return "text/calendar; charset=utf-8"
        }
    }

    var bareMediaType: String { String(mediaType.prefix { $0 != ";" }) }

    /// `?format=` wins; otherwise the best `Accept` match (RFC 9110 §12.5.1, q-values honoured);
    /// no `Accept` or `*/*` gives the first available format.
    static func negotiate(_ request: HTTPRequest, formatParameter: String?, available: [Format]) throws(APIError) -> Format {
        if let name = formatParameter {
            guard let format = Format(rawValue: name.lowercased()), available.contains(format) else {
                throw .invalidParameter("format", value: name, reason: "allowed values here: \(available.map(\.rawValue).joined(separator: ", ")).")
            }
            return format
        }
        guard let field = request.headers.list("accept"), !field.isEmpty else { return available[0] }
        let accept = AcceptRanges(field)
        // Only empty elements (`Accept: ,`): as if there were no field (RFC 9110 §5.6.1.2).
        guard !accept.ranges.isEmpty else { return available[0] }
        var best: (format: Format, quality: Double, specificity: Int)?
        for format in available {
            // Each format's quality from its most specific range; then the higher quality, the
            // more specific range, and the resource's own order.
            let names = format == .json ? [format.bareMediaType, "application/problem+json"] : [format.bareMediaType]
            let (quality, specificity) = accept.quality(of: names)
            guard quality > 0 else { continue }
            if let current = best, quality < current.quality || (quality == current.quality && specificity <= current.specificity) {
                continue
            }
            best = (format, quality, specificity)
        }
        guard let chosen = best else { throw .notAcceptable(available: available.map(\.bareMediaType)) }
        return chosen.format
    }
}
