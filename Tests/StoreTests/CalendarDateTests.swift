import Testing
@testable import Store

@Suite struct CalendarDateTests {
    @Test(arguments: ["2025-08-18", "2024-02-29", "0001-01-01", "9999-12-31"])
    func validDatesRoundTrip(text: String) throws {
        #expect(try #require(CalendarDate(iso: text)).iso == text)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-8-18", "2025-08-18T00:00", "20250818", "abcd-ef-gh", "2025-04-31", ""])
    func invalidDatesAreRejected(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func weekdaysAndDayNumbers() throws {
        let monday = try #require(CalendarDate(iso: "2025-08-18"))
        #expect(monday.weekday == 1)
        #expect(try #require(CalendarDate(iso: "1970-01-01")).dayNumber == 0)
        #expect(try #require(CalendarDate(iso: "2025-08-24")).weekday == 7)
        #expect(try #require(CalendarDate(iso: "2025-08-19")).dayNumber - monday.dayNumber == 1)
    }

    @Test func datePointsOrderChronologicallyThenByPrecision() throws {
        let date = try #require(CalendarDate(iso: "2025-08-01"))
        let day = DatePoint(date: date, precision: .day, reason: "r")
        let month = DatePoint(date: date, precision: .month, reason: "r")
        let later = DatePoint(date: try #require(CalendarDate(iso: "2025-08-02")), precision: .day, reason: "r")
        #expect([later, month, day].sorted() == [day, month, later])
        #expect(month.iso == "2025-08-01")
        #expect(month.lastDayNumber - month.date.dayNumber == 30)
        #expect(DatePoint(date: try #require(CalendarDate(iso: "2025-08-19")), precision: .week, reason: "r").periodProblem != nil)
        #expect(DatePoint(date: try #require(CalendarDate(iso: "2025-08-18")), precision: .week, reason: "r").periodProblem == nil)
    }
}
