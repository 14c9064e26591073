/// Danish public holidays and working days, as municipalities count them.
///
/// Constitution Day (5 June) and Christmas Eve are not public holidays by statute, but municipal
/// offices are closed, so deadlines counted in working days skip them. Great Prayer Day (Store Bededag)
/// was abolished as a holiday from 2024.
public enum DanishCalendar {
    public static func isWorkingDay(_ date: LocalDate) -> Bool {
        date.isoWeekday <= 5 && !isHoliday(date)
    }

    public static func isHoliday(_ date: LocalDate) -> Bool {
        (cachedHolidays[date.year] ?? holidays(in: date.year)).contains(date)
    }

    /// The holidays of the years casework touches, computed once.
    private static let cachedHolidays: [Int: Set<LocalDate>] = Dictionary(uniqueKeysWithValues: (1990...2100).map { ($0, holidays(in: $0)) })

    /// The date `count` working days after `date`, not counting `date` itself.
    public static func addingWorkingDays(_ count: Int, to date: LocalDate) -> LocalDate {
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.addingDays(1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    public static func holidays(in year: Int) -> Set<LocalDate> {
        let easter = easterSunday(year)
        var moving = [-3, -2, 0, 1, 39, 49, 50] // Maundy Thursday … Whit Monday
        if year <= 2023 { moving.append(26) } // Great Prayer Day, the fourth Friday after Easter
        let fixed = [(1, 1), (6, 5), (12, 24), (12, 25), (12, 26)].map { LocalDate(year: year, month: $0.0, day: $0.1)! }
        return Set(moving.map { easter.addingDays($0) } + fixed)
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }
}
