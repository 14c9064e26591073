import Foundation

/// A calendar date in Danish local time, without a time of day. Deadlines that the law counts in
/// days, working days or months are dates; the 24-hour urgent assessment is an instant.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso text: String) throws(ValidationError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = LocalDate(year: y, month: m, day: d)
        else { throw ValidationError("A date is written YYYY-MM-DD, e.g. 2024-03-28; got '\(text)'.") }
        self = date
    }

    /// The Danish calendar date on which `instant` falls.
    public init(_ instant: Date) {
        let parts = DanishTime.calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The same day `months` later; a day that does not exist in the target month is clamped to its
    /// last day (31 October + 4 months = 28 or 29 February).
    public func addingMonths(_ months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return LocalDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))!
    }

    public func addingDays(_ days: Int) -> LocalDate {
        LocalDate(DanishTime.calendar.date(byAdding: .day, value: days, to: noon)!)
    }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let weekday = DanishTime.calendar.component(.weekday, from: noon) // 1 = Sunday
        return (weekday + 5) % 7 + 1
    }

    /// The last second of this day in Danish time: a deadline that falls on a date may be met all day.
    public var endOfDay: Date {
        DanishTime.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 23, minute: 59, second: 59))!
    }

    public var startOfDay: Date {
        DanishTime.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// Noon is never skipped or repeated by a daylight-saving change, so day arithmetic is safe from it.
    private var noon: Date {
        DanishTime.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try LocalDate(iso: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Danish legal time. Every municipality in the system is in Denmark, so one zone serves all.
public enum DanishTime {
    public static let zone = TimeZone(identifier: "Europe/Copenhagen")!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()
}
