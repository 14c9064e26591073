import Foundation

/// A statutory deadline on a case, derived from the case's steps by `DeadlineEngine`.
public struct Deadline: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// §136: the child's immediate safety assessed within 24 hours of a report (clock time).
        case urgentAssessment = "urgent-assessment"
        /// §137: a receipt to a professional notifier within 6 working days.
        case notifierReceipt = "notifier-receipt"
        /// §20: the child investigation completed within 4 months of being decided.
        case investigation
        /// §§91–92: the child's plan within 3 months of the first measure.
        case childPlan = "child-plan"
        /// §95: follow-up 3 months after a measure starts, then at the case's cadence.
        case followUp = "follow-up"
    }

    public enum Status: String, Codable, Sendable {
        case open, met, overdue
    }

    public var kind: Kind
    /// The report a per-report deadline belongs to.
    public var reportID: ReportOfConcern.ID?
    public var dueAt: Date
    public var metAt: Date?

    public init(kind: Kind, reportID: ReportOfConcern.ID? = nil, dueAt: Date, metAt: Date?) {
        self.kind = kind
        self.reportID = reportID
        self.dueAt = dueAt
        self.metAt = metAt
    }

    /// A deadline on a date may be met all that day.
    init(kind: Kind, reportID: ReportOfConcern.ID? = nil, dueDate: LocalDate, metAt: Date?) {
        self.init(kind: kind, reportID: reportID, dueAt: dueDate.endOfDay, metAt: metAt)
    }

    /// How many working days before it falls due an open deadline shows as due soon.
    public static let dueSoonWorkingDays = 3

    public func status(at now: Date) -> Status {
        if metAt != nil { return .met }
        return now > dueAt ? .overdue : .open
    }

    /// Open and due within the next three working days (today counted as none): a weekend or a
    /// holiday before a deadline does not give time to act.
    public func isDueSoon(at now: Date) -> Bool {
        status(at: now) == .open && LocalDate(dueAt) <= DanishCalendar.addingWorkingDays(Self.dueSoonWorkingDays, to: LocalDate(now))
    }

    /// Whether a met deadline was met in time: the figure behind deadline compliance.
    public var metInTime: Bool? { metAt.map { $0 <= dueAt } }
}

extension Deadline.Kind {
    /// The kind of step that meets a deadline of this kind.
    public var metBy: CaseStep.Kind {
        switch self {
        case .urgentAssessment: .urgentAssessment
        case .notifierReceipt: .notifierReceipt
        case .investigation: .investigationCompletion
        case .childPlan: .childPlan
        case .followUp: .followUp
        }
    }
}

extension [Deadline] {
    /// The soonest open deadline that a step of `kind` meets.
    public func nextOpen(metBy kind: CaseStep.Kind) -> Deadline? {
        filter { $0.metAt == nil && $0.kind.metBy == kind }.min { $0.dueAt < $1.dueAt }
    }
}
