import OmsorgDomain
import OmsorgStore
import Vapor

extension WorktrayPage {
    static let pageSize = 50

    static func model(for user: StaffUser, page: Int, notice: Notice?, on request: Request) async throws -> Model {
        let owner = CaseRepository.WorktrayOwner(for: user)
        let isTeamTray = if case .team = owner { true } else { false }
        let tray = try await request.cases.worktray(owner, access: Access(user, purpose: .casework), now: request.now,
                                                     limit: pageSize, offset: (page - 1) * pageSize)
        // Only a team tray names caseworkers and offers to assign.
        var team: [StaffUser] = []
        if isTeamTray, let name = user.team { team = try await request.staff.team(name, in: user.municipalityID) }
        let names = Dictionary(uniqueKeysWithValues: team.map { ($0.id, $0.displayName) })
        let rows = tray.entries.map { entry in
            Model.Row(caseID: entry.caseID, childName: entry.childName, deadline: entry.deadline,
                      urgency: Urgency(entry.deadline, now: request.now), caseworkerName: entry.caseworkerID.flatMap { names[$0] },
                      unassigned: entry.caseworkerID == nil, assignmentVersion: entry.assignmentVersion)
        }
        let proposals = isTeamTray ? [] : try await ProposalRepository(request.db).awaiting(access: Access(user, purpose: .earlyDetection), now: request.now)
        return Model(rows: rows, total: tray.total, overdue: tray.overdue, page: page,
                     pageCount: max(1, (tray.total + pageSize - 1) / pageSize),
                     assignable: isTeamTray ? team.filter { $0.role == .caseworker } : [], isTeamTray: isTeamTray, proposals: proposals, notice: notice)
    }
}
