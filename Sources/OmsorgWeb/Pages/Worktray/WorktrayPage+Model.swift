import Foundation
import OmsorgDomain
import OmsorgStore

/// The start page after sign-in: open deadlines, soonest first, with what each one asks for.
enum WorktrayPage {
    /// What the tray tells after a form sent from it.
    enum Notice: String, Sendable, CaseIterable {
        /// A case the team leader assigned had been assigned by someone else meanwhile.
        case assignedMeanwhile = "assigned-meanwhile"
    }

    struct Model: Sendable {
        struct Row: Sendable {
            let caseID: CaseFile.ID
            let childName: String
            let deadline: Deadline
            let urgency: Urgency
            /// Who works the case, for a team leader's tray; nil when unassigned.
            let caseworkerName: String?
            let unassigned: Bool
            /// Sent back with an assignment, which then changes only what the tray showed.
            let assignmentVersion: Int
        }

        let rows: [Row]
        let total: Int
        let overdue: Int
        let page: Int
        let pageCount: Int
        /// The caseworkers a team leader can assign a case to; empty for everyone else.
        let assignable: [StaffUser]
        let isTeamTray: Bool
        /// The early-detection proposals the caseworker holds that wait for them, the family's
        /// answer deadline first; none on a team's tray.
        let proposals: [ProposalRepository.Work]
        let notice: Notice?
    }
}
