/// An inferred date: a calendar day, how precise it is, and why.
///
/// For `.week`, `.month` and `.year` precision `date` is the first day of the
/// period (the Monday, the 1st, January 1st); the loader rejects any other
/// day. Ordering is chronological by `date`, then by precision (finer first),
/// then by reason, so sorting is total and stable across runs.
public struct DatePoint: Sendable, Hashable, Comparable {
    /// How much of `date` is known.
    public enum Precision: String, Sendable, Hashable, CaseIterable {
        case day, week, month, year

        /// Finer precision sorts first.
        var rank: Int {
            switch self {
            case .day: return 0
            case .week: return 1
            case .month: return 2
            case .year: return 3
            }
        }
    }

    public let date: CalendarDate
    public let precision: Precision
    /// One line saying how the date was inferred.
    public let reason: String

    public init(date: CalendarDate, precision: Precision, reason: String) {
        self.date = date
        self.precision = precision
        self.reason = reason
    }

    /// The date as `YYYY-MM-DD` (first day of the period for coarse precision).
    public var iso: String { date.iso }

    /// Why `date` cannot start a period of `precision`, or nil when it can.
    var periodProblem: String? {
        switch precision {
        case .day:
            return nil
        case .week:
            return date.weekday == 1 ? nil : "a week-precision date must be a Monday, \(date.iso) is not"
        case .month:
            return date.day == 1 ? nil : "a month-precision date must be the 1st of the month"
        case .year:
            return date.month == 1 && date.day == 1 ? nil : "a year-precision date must be January 1st"
        }
    }

    public static func < (lhs: DatePoint, rhs: DatePoint) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.precision != rhs.precision {
            return lhs.precision.rank < rhs.precision.rank
        }
        return lhs.reason < rhs.reason
    }
}
