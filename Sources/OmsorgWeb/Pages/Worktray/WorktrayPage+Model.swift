import Foundation
import OmsorgDomain

/// The start page after sign-in: open deadlines, soonest first, with what each one asks for.
enum WorktrayPage {
    struct Model: Sendable {
        struct Row: Sendable {
            let caseID: CaseFile.ID
            let childName: String
            let deadline: Deadline
            let urgency: Urgency
            /// Who works the case, for a team leader's tray; nil when unassigned.
            let caseworkerName: String?
            let unassigned: Bool
        }

        let rows: [Row]
        let total: Int
        let overdue: Int
        let page: Int
        let pageCount: Int
        /// The caseworkers a team leader can assign a case to; empty for everyone else.
        let assignable: [StaffUser]
        let isTeamTray: Bool
    }

    /// Status by text and icon, never colour alone.
    enum Urgency: String, Sendable {
        case overdue, dueSoon = "due-soon", later

        init(_ deadline: Deadline, now: Date) {
            if deadline.status(at: now) == .overdue { self = .overdue }
            else if deadline.isDueSoon(at: now) { self = .dueSoon }
            else { self = .later }
        }

        var icon: String {
            switch self {
            case .overdue: "⚠"
            case .dueSoon: "◐"
            case .later: "○"
            }
        }
    }
}
