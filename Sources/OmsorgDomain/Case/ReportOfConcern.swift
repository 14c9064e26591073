import Foundation

/// A report of concern (underretning), Barnets Lov §§133–135.
public struct ReportOfConcern: Codable, Sendable, Equatable {
    public typealias ID = Identifier<ReportOfConcern>

    public enum NotifierKind: String, Codable, Sendable, CaseIterable {
        /// A professional with a duty to report (§133): teacher, health visitor, doctor, police.
        case professional
        case `private`
        case anonymous
    }

    public struct Notifier: Codable, Sendable, Equatable {
        public var kind: NotifierKind
        public var name: String?
        public var organisation: String?
        public var email: String?

        public init(kind: NotifierKind, name: String?, organisation: String?, email: String?) {
            self.kind = kind
            self.name = name
            self.organisation = organisation
            self.email = email
        }
    }

    public let id: ID
    public var notifier: Notifier
    public var receivedAt: Date
    /// What the notifier observed, in their words.
    public var description: String

    public init(id: ID = ID(), notifier: Notifier, receivedAt: Date, description: String) {
        self.id = id
        self.notifier = notifier
        self.receivedAt = receivedAt
        self.description = description
    }
}

/// The assessment of the child's immediate safety that §136 requires within 24 hours of receipt.
public struct UrgentAssessment: Codable, Sendable, Equatable {
    public var reportID: ReportOfConcern.ID
    public var assessedAt: Date
    public var childAtImmediateRisk: Bool
    public var note: String

    public init(reportID: ReportOfConcern.ID, assessedAt: Date, childAtImmediateRisk: Bool, note: String) {
        self.reportID = reportID
        self.assessedAt = assessedAt
        self.childAtImmediateRisk = childAtImmediateRisk
        self.note = note
    }
}

/// The receipt a professional notifier is owed within 6 working days (§137).
public struct NotifierReceipt: Codable, Sendable, Equatable {
    public var reportID: ReportOfConcern.ID
    public var sentAt: Date

    public init(reportID: ReportOfConcern.ID, sentAt: Date) {
        self.reportID = reportID
        self.sentAt = sentAt
    }
}
