import Store

/// Events as an RFC 5545 calendar. Day precision gives an all-day DTSTART (and DTEND the day
/// after the last day); week, month and year precision span the whole period, and the
/// description says so. Proposed and scheduled events are TENTATIVE, held ones CONFIRMED,
/// rejected and cancelled ones CANCELLED. Undated events are left out (a VEVENT needs DTSTART).
/// DTSTAMP is the newest article date, so the same data always gives the same bytes (and ETag).
/// A calendar needs at least one component (RFC 5545 §3.6, `icalbody`): when no event is left
/// (a filter that matches nothing, a page past the end), it holds the UTC time zone and no event,
/// never an invented one.
enum ICalendarEncoder {
    static func encode(_ events: [Event], representation: Representation) -> [UInt8] {
        let stamp = (representation.knowledgeBase.articles.compactMap { $0.published?.date }.max()).map { compact($0) + "T000000Z" } ?? "20000101T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Accord//Ukraine security guarantees//EN",
            "CALSCALE:GREGORIAN", "X-WR-CALNAME:Accord events",
        ]
        let header = lines.count
        for event in events {
            guard let start = event.start else { continue }
            let last = event.end ?? start
            let endExclusive = periodEnd(last)
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(event.id)@accord")
            lines.append("DTSTAMP:\(stamp)")
            lines.append("DTSTART;VALUE=DATE:\(compact(start.date))")
            lines.append("DTEND;VALUE=DATE:\(compact(endExclusive))")
            lines.append("SUMMARY:\(escape(event.title))")
            var description = event.summary
            if start.precision != .day { description += " (Date known to the \(start.precision.rawValue): \(start.reason))" }
            description += " Sources: " + event.articles.joined(separator: ", ")
            lines.append("DESCRIPTION:\(escape(description))")
            if let id = event.location, let place = representation.knowledgeBase.entity(id: id) {
                lines.append("LOCATION:\(escape(place.name))")
                if let coordinates = place.coordinates {
                    lines.append("GEO:\(geoFloat(coordinates.latitude));\(geoFloat(coordinates.longitude))")
                }
            }
            lines.append("STATUS:\(status(event.status))")
            lines.append("CATEGORIES:\(escape(event.kind.rawValue))")
            lines.append("URL:\(representation.url("/events/\(event.id)"))")
            lines.append("END:VEVENT")
        }
        if lines.count == header { lines += utcTimeZone }
        lines.append("END:VCALENDAR")
        return Array((lines.map(fold).joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// The component of a calendar without events: UTC, which every client already knows.
    static let utcTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE",
    ]

    static func status(_ status: Event.Status) -> String {
        switch status {
        case .held: return "CONFIRMED"
        case .scheduled, .proposed: return "TENTATIVE"
        case .rejected, .cancelled: return "CANCELLED"
        }
    }

    /// The day after the period a date point covers (DTEND is exclusive for DATE values).
    static func periodEnd(_ point: DatePoint) -> CalendarDate {
        let days: Int
        switch point.precision {
        case .day: days = 1
        case .week: days = 7
        case .month: days = daysInMonth(point.date)
        case .year: days = (point.date.year % 4 == 0 && point.date.year % 100 != 0) || point.date.year % 400 == 0 ? 366 : 365
        }
        return adding(days, to: point.date)
    }

    static func daysInMonth(_ date: CalendarDate) -> Int {
        CalendarDate.daysIn(month: date.month, year: date.year) ?? 30
    }

    static func adding(_ days: Int, to date: CalendarDate) -> CalendarDate {
        var current = date
        for _ in 0..<days {
            if let next = CalendarDate(year: current.year, month: current.month, day: current.day + 1) {
                current = next
            } else if let next = CalendarDate(year: current.year, month: current.month + 1, day: 1) {
                current = next
            } else if let next = CalendarDate(year: current.year + 1, month: 1, day: 1) {
                current = next
            }
        }
        return current
    }

    static func compact(_ date: CalendarDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    /// TEXT escaping (RFC 5545 §3.3.11).
    /// Read by scalar, not by `Character`: "\r\n" is one Character equal to neither "\r" nor
    /// "\n", and passed through raw it let a text value start properties of its own. Every line
    /// break (CR LF, LF, a lone CR) becomes one escaped "\n".
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Lines longer than 75 octets are folded with CRLF + space (RFC 5545 §3.1), between UTF-8
    /// sequences (a long run of combining marks is one `Character` but may be split).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = String.UnicodeScalarView()
        var current = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if current + size > 75 {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                current = 1
            }
            out.append(scalar)
            current += size
        }
        return String(out)
    }

    /// A FLOAT value (RFC 5545 §3.3.7): digits, a point and at most six decimals, never the
    /// exponent form `Double`'s description uses for small numbers ("1e-05").
    static func geoFloat(_ value: Double) -> String {
        // Coordinates are checked at load (latitude within ±90, longitude ±180); anything else
        // is written as it is rather than trapping in the conversion below.
        guard value.isFinite, abs(value) <= 1_000 else { return "\(value)" }
        let micros = Int((abs(value) * 1_000_000).rounded())
        var fraction = String(micros % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && micros != 0 ? "-" : ""
        return sign + String(micros / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
