import OmsorgDomain
import OmsorgStore
import Vapor

/// The open deadlines of the signed-in user's work, soonest first, a page at a time: a caseworker's
/// own cases, or a team leader's whole team with the unassigned cases first.
enum WorktrayController {
    struct WorktrayDTO: Encodable {
        struct Item: Encodable {
            let caseId: CaseFile.ID
            let childName: String
            let caseworkerId: StaffUser.ID?
            let deadline: CaseDTO.DeadlineDTO
        }

        let items: [Item]
        /// The early-detection proposals the caseworker holds, with the family's answer deadline.
        let proposals: [ProposalDTO]
        let total: Int
        let overdue: Int
        let page: Int
        let pageSize: Int
    }

    static let pageSize = 50

    static func show(_ request: Request) async throws -> Response {
        let signedIn = try request.signedIn
        let page = try request.query.get(Int?.self, at: "page") ?? 1
        guard Paging.pages.contains(page) else {
            throw Problem.badRequest("page counts from \(Paging.pages.lowerBound) to \(Paging.pages.upperBound).", field: "page")
        }
        let tray = try await request.cases.worktray(.init(for: signedIn.user), access: signedIn.access(), now: request.now,
                                                     limit: pageSize, offset: (page - 1) * pageSize)
        let items = tray.entries.map {
            WorktrayDTO.Item(caseId: $0.caseID, childName: $0.childName, caseworkerId: $0.caseworkerID, deadline: .init($0.deadline, now: request.now))
        }
        let proposals = try await ProposalRepository(request.db).awaiting(access: signedIn.access(for: .earlyDetection), now: request.now)
            .map { ProposalDTO($0, user: signedIn.user.id, now: request.now) }
        return try JSON.response(WorktrayDTO(items: items, proposals: proposals, total: tray.total, overdue: tray.overdue, page: page, pageSize: pageSize))
    }
}
