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
        guard let date = Array(text.utf8).withUnsafeBufferPointer({ LocalDate(isoBytes: $0) }) else {
            throw ValidationError("A date is written YYYY-MM-DD, e.g. 2024-03-28; got '\(text)'.")
        }
        self = date
    }

    /// Parses `YYYY-MM-DD` from ASCII bytes, or `YYYY-MM` as the first of the month when `monthOnly`.
    /// Concrete, not generic: extracts parse millions of dates, and a generic across modules runs unspecialised.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>, monthOnly: Bool = false) {
        guard bytes.count == (monthOnly ? 7 : 10) else { return nil }
        func number(_ offset: Int, _ length: Int) -> Int? {
            var value = 0
            for index in offset..<(offset + length) {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), monthOnly || bytes[7] == UInt8(ascii: "-"),
              let year = number(0, 4), let month = number(5, 2), let day = monthOnly ? 1 : number(8, 2)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The Danish calendar date on which `instant` falls.
    public init(_ instant: Date) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + DanishTime.secondsFromGMT(at: instant)
        self.init(daysSinceEpoch: local.floorDivided(by: 86400))
    }

    /// The date `days` after 1970-01-01 (Hinnant's civil-from-days): plain integer arithmetic,
    /// because Foundation's calendar is slow on the deadline engine's hot path.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    /// Days since 1970-01-01 (Hinnant's days-from-civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
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
        LocalDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// 1 = Monday … 7 = Sunday. 1 January 1970 was a Thursday.
    public var isoWeekday: Int {
        (daysSinceEpoch + 3).floorModulo(7) + 1
    }

    /// The last second of this day in Danish time: a deadline that falls on a date may be met all day.
    public var endOfDay: Date { DanishTime.instant(localSeconds: daysSinceEpoch * 86400 + 86399) }

    public var startOfDay: Date { DanishTime.instant(localSeconds: daysSinceEpoch * 86400) }

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

    /// The instant at which Danish wall-clock time reads `localSeconds` after 1970-01-01 00:00.
    /// Daylight-saving changes happen at night, so the offset an hour either side is the same.
    public static func instant(localSeconds: Int) -> Date {
        let guess = Date(timeIntervalSince1970: TimeInterval(localSeconds - secondsFromGMT(at: Date())))
        return Date(timeIntervalSince1970: TimeInterval(localSeconds - secondsFromGMT(at: guess)))
    }

    /// The zone's offset from UTC at `instant`, as `zone.secondsFromGMT(for:)` gives it, read from
    /// the zone's own transitions found once: asking the time-zone database costs a microsecond or
    /// more each time, and a page of 50 deadlines asks hundreds of times.
    public static func secondsFromGMT(at instant: Date) -> Int {
        let time = instant.timeIntervalSince1970
        guard let first = transitions.first, let last = transitions.last, time >= first.start, time < last.start
        else { return zone.secondsFromGMT(for: instant) }
        var low = 0, high = transitions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle].start <= time { low = middle } else { high = middle - 1 }
        }
        return transitions[low].offset
    }

    /// From 1970 to 2200: each start (seconds since 1970) and the offset from then on.
    private static let transitions: [(start: TimeInterval, offset: Int)] = {
        let start = Date(timeIntervalSince1970: 0), end = Date(timeIntervalSince1970: 7_258_118_400) // 2200-01-01
        var table = [(start: start.timeIntervalSince1970, offset: zone.secondsFromGMT(for: start))]
        var next = zone.nextDaylightSavingTimeTransition(after: start)
        while let transition = next, transition < end {
            table.append((transition.timeIntervalSince1970, zone.secondsFromGMT(for: transition)))
            next = zone.nextDaylightSavingTimeTransition(after: transition)
        }
        table.append((end.timeIntervalSince1970, zone.secondsFromGMT(for: end)))
        return table
    }()
}

extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
