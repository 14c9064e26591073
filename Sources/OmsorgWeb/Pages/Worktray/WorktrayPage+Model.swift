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
}
