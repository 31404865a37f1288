extension CalendarDate {
    /// The day `dayNumber` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init?(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// This day moved by `days` (negative: earlier); nil outside years 1...9999.
    public func adding(days: Int) -> CalendarDate? {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The Monday of this day's ISO week.
    public var weekStart: CalendarDate {
        adding(days: 1 - weekday) ?? self
    }

    /// The first day of this day's month.
    public var monthStart: CalendarDate {
        CalendarDate(year: year, month: month, day: 1) ?? self
    }
}
