import Foundation
import Testing
@testable import OmsorgDomain

@Suite("Danish calendar")
struct DanishCalendarTests {
    @Test(arguments: [(2000, "2000-04-23"), (2019, "2019-04-21"), (2023, "2023-04-09"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05")])
    func easterSunday(year: Int, expected: String) {
        #expect(DanishCalendar.easterSunday(year) == day(expected))
    }

    @Test func greatPrayerDayIsAHolidayUpTo2023Only() {
        #expect(DanishCalendar.isHoliday(day("2023-05-05")))
        #expect(!DanishCalendar.isHoliday(day("2024-04-26")))
        #expect(DanishCalendar.isWorkingDay(day("2024-04-26")))
    }

    @Test(arguments: ["2024-03-28", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20", "2024-06-05", "2024-12-24", "2024-12-25", "2024-12-26", "2025-01-01"])
    func holidaysAreNotWorkingDays(date: String) {
        #expect(!DanishCalendar.isWorkingDay(day(date)))
    }

    @Test(arguments: [
        ("2024-03-27", "2024-04-09"), // across Easter 2024
        ("2024-05-17", "2024-05-28"), // across Whit Monday 2024
        ("2023-05-04", "2023-05-15"), // across Great Prayer Day 2023, still a holiday
        ("2024-04-25", "2024-05-03"), // across the former Great Prayer Day 2024, now a working day
        ("2024-12-23", "2025-01-06"), // across Christmas and New Year
        ("2025-06-04", "2025-06-16"), // Constitution Day, then Whit Monday 2025
        ("2024-11-22", "2024-12-02"), // a Friday: the weekend is skipped
    ])
    func sixWorkingDays(from received: String, due: String) {
        #expect(DanishCalendar.addingWorkingDays(6, to: day(received)) == day(due))
    }

    @Test func monthsAreClampedToTheEndOfTheMonth() {
        #expect(day("2024-10-31").addingMonths(4) == day("2025-02-28"))
        #expect(day("2023-10-31").addingMonths(4) == day("2024-02-29"))
        #expect(day("2024-09-30").addingMonths(4) == day("2025-01-30"))
        #expect(day("2024-11-15").addingMonths(3) == day("2025-02-15"))
    }

    @Test func dayNumbersRoundTripAndAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -40_000, through: 80_000, by: 97) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86400))
            #expect((date.year, date.month, date.day) == (parts.year!, parts.month!, parts.day!))
        }
    }

    @Test func instantsFallOnTheirDanishDate() {
        // 23:30 UTC is already the next day in Denmark, winter (UTC+1) and summer (UTC+2) alike.
        #expect(LocalDate(Date(timeIntervalSince1970: 1_704_151_800)) == day("2024-01-02")) // 2024-01-01T23:30Z
        #expect(LocalDate(Date(timeIntervalSince1970: 1_719_790_200)) == day("2024-07-01")) // 2024-06-30T23:30Z
        #expect(LocalDate(dk("2024-03-31 01:59")) == day("2024-03-31"))
        #expect(day("2024-01-15").endOfDay == dk("2024-01-15 23:59").addingTimeInterval(59))
        #expect(day("2024-07-15").endOfDay == dk("2024-07-15 23:59").addingTimeInterval(59))
        #expect(day("2024-10-27").startOfDay == dk("2024-10-27 00:00")) // the night the clocks go back
    }

    @Test func weekdays() {
        #expect(day("2024-11-25").isoWeekday == 1)
        #expect(day("2024-11-24").isoWeekday == 7)
    }

    /// The offset read from the transition table is the time-zone database's, every few hours from
    /// 1970 into 2200 and a second either side of every change.
    @Test func theOffsetTableAgreesWithTheTimeZoneDatabase() {
        let zone = DanishTime.zone
        for time in stride(from: 0.0, to: 7_258_118_400 + 86_400, by: 25_013) {
            let instant = Date(timeIntervalSince1970: time)
            #expect(DanishTime.secondsFromGMT(at: instant) == zone.secondsFromGMT(for: instant), "\(instant)")
        }
        var next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0))
        var changes = 0
        while let transition = next, transition.timeIntervalSince1970 < 7_258_118_400 {
            for delta in [-1.0, 0, 1] {
                let instant = transition.addingTimeInterval(delta)
                #expect(DanishTime.secondsFromGMT(at: instant) == zone.secondsFromGMT(for: instant), "\(instant)")
            }
            changes += 1
            next = zone.nextDaylightSavingTimeTransition(after: transition)
        }
        #expect(changes > 400)
    }
}
