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
        guard let accept = request.headers["accept"], !accept.isEmpty else { return available[0] }
        var best: (format: Format, quality: Double, specificity: Int)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { String($0).trimmingCharacters(in: " ") }
            guard let type = parts.first?.lowercased() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            for (index, format) in available.enumerated() {
                let specificity: Int
                if type == format.bareMediaType || (format == .json && type == "application/problem+json") {
                    specificity = 3
                } else if type == "*/*" || (type.hasSuffix("/*") && format.bareMediaType.hasPrefix(type.dropLast())) {
                    specificity = type == "*/*" ? 1 : 2
                } else {
                    continue
                }
                // Prefer higher quality, then the more specific range, then the resource's own order.
                let rank = specificity * 100 - index
                if let current = best, quality < current.quality || (quality == current.quality && rank <= current.specificity) {
                    continue
                }
                best = (format, quality, rank)
            }
        }
        guard let chosen = best else { throw .notAcceptable(available: available.map(\.bareMediaType)) }
        return chosen.format
    }
}
