import OmsorgDomain
import OmsorgStore
import Vapor

/// The signed-in caseworker's open deadlines, soonest first: what to do next.
enum WorktrayController {
    struct WorktrayDTO: Encodable {
        struct Item: Encodable {
            let caseId: CaseFile.ID
            let childName: String
            let deadline: CaseDTO.DeadlineDTO
        }

        let items: [Item]
        let overdue: Int
    }

    static func show(_ request: Request) async throws -> Response {
        let signedIn = try request.signedIn
        let now = request.now
        let entries = try await request.cases.worktray(for: signedIn.user.id, scope: signedIn.scope)
        let items = entries.map { Item(caseId: $0.caseID, childName: $0.childName, deadline: .init($0.deadline, now: now)) }
        return try JSON.response(WorktrayDTO(items: items, overdue: items.count { $0.deadline.status == .overdue }))
    }

    typealias Item = WorktrayDTO.Item
}
