import Foundation
import OmsorgDomain

extension Texts {
    /// A date in plain words: "tirsdag 26. november 2024" / "Tuesday 26 November 2024".
    func date(_ date: LocalDate) -> String {
        let weekday = (date.daysSinceEpoch + 3).floorModulo7 + 1
        return self("date.long", ["weekday": self("weekday.\(weekday)"), "day": String(date.day),
                                  "month": self("month.\(date.month)"), "year": String(date.year)])
    }

    /// An instant in plain words, with the time of day.
    func instant(_ instant: Date) -> String {
        self("date.with-time", ["date": date(LocalDate(instant)), "time": FormDates.formatTime(instant)])
    }

    /// How far away a due time is, counted in days: "i dag", "om 3 dage", "for 2 dage siden".
    func relative(_ due: Date, now: Date) -> String {
        let days = LocalDate(due).daysSinceEpoch - LocalDate(now).daysSinceEpoch
        switch days {
        case 0: return self("relative.today")
        case 1: return self("relative.tomorrow")
        case -1: return self("relative.yesterday")
        case 2...: return self("relative.in-days", ["days": String(days)])
        default: return self("relative.days-ago", ["days": String(-days)])
        }
    }

    /// When a deadline falls due: an hour-exact deadline (§136's 24 hours) with its time, the
    /// others on their date.
    func due(_ deadline: Deadline) -> String {
        deadline.kind == .urgentAssessment ? instant(deadline.dueAt) : date(LocalDate(deadline.dueAt))
    }
}

private extension Int {
    var floorModulo7: Int { ((self % 7) + 7) % 7 }
}
