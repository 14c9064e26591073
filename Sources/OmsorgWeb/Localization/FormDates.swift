import Foundation
import OmsorgDomain

/// Dates and times as Danish forms write them: dd-mm-åååå and tt:mm, in Danish local time.
enum FormDates {
    /// Reads `25-11-2026`; a dot or a slash may stand for the dash, and a day or month may have one digit.
    static func date(_ text: String) -> LocalDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "-./".contains($0) })
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Reads `09:30` or `9.30` as seconds after midnight.
    static func timeOfDay(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { ":.".contains($0) })
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 3600 + minute * 60
    }

    static func instant(date: LocalDate, secondsAfterMidnight: Int) -> Date {
        DanishTime.instant(localSeconds: date.daysSinceEpoch * 86400 + secondsAfterMidnight)
    }

    static func format(_ date: LocalDate) -> String {
        padded(date.day) + "-" + padded(date.month) + "-" + String(date.year)
    }

    static func formatTime(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince(LocalDate(instant).startOfDay))
        return padded(seconds / 3600) + ":" + padded(seconds % 3600 / 60)
    }

    /// Two digits; `String(format:)` goes through Foundation and costs more than the whole page's SQL.
    private static func padded(_ number: Int) -> String {
        number < 10 ? "0" + String(number) : String(number)
    }
}
