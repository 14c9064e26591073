import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

extension CaseRepository {
    /// Whose open deadlines a work tray shows.
    public enum WorktrayOwner: Sendable {
        /// The cases assigned to one caseworker.
        case caseworker(StaffUser.ID)
        /// Every case of the scope's team, unassigned cases first, for the team leader who assigns them.
        case team

        /// A team leader's tray is the team's, which they assign from; everyone else's is their own.
        public init(for user: StaffUser) {
            self = user.role == .teamLeader ? .team : .caseworker(user.id)
        }
    }

    /// One page of open deadlines, soonest first, with the totals over every page. The open
    /// deadlines carry their case's owners (migration 008), so a caseworker's page is read from one
    /// partial index already in order, and only its rows are joined to their children.
    public func worktray(_ owner: WorktrayOwner, access: Access, now: Date, limit: Int, offset: Int) async throws -> WorktrayPage {
        let page = try await Self.worktray(owner, scope: access.scope, now: now, limit: limit, offset: offset, on: db as! any SQLDatabase)
        try await audit.record(AuditEntry(access, .readWorktray, subject: "worktray from \(offset + 1)", children: page.entries.map(\.childID), at: now))
        return page
    }

    private static func worktray(_ owner: WorktrayOwner, scope: AccessScope, now: Date, limit: Int, offset: Int,
                                 on sql: any SQLDatabase) async throws -> WorktrayPage {
        let open = openDeadlines(of: owner, in: scope)
        // A team leader assigns the unassigned first; a caseworker's cases are all assigned.
        let order: SQLQueryString = if case .team = owner {
            "CASE WHEN d.caseworker_id IS NULL THEN 0 ELSE 1 END, d.due_at, d.id"
        } else {
            "d.due_at, d.id"
        }
        let page: SQLQueryString = """
            SELECT d.case_id, d.kind, d.report_id, d.due_at, d.caseworker_id, c.child_id, c.assignment_version, h.name
            FROM (SELECT d.* FROM deadlines d WHERE \(open) ORDER BY \(order) LIMIT \(literal: limit) OFFSET \(literal: offset)) d
            JOIN cases c ON c.id = d.case_id JOIN children h ON h.id = c.child_id
            ORDER BY \(order)
            """
        let entries = try await sql.raw(page).all().map { row in
            WorktrayEntry(caseID: .init(try row.decode(column: "case_id", as: UUID.self)), childID: .init(try row.decode(column: "child_id", as: UUID.self)),
                          childName: try row.decode(column: "name", as: String.self),
                          deadline: Deadline(kind: Deadline.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .followUp,
                                             reportID: try row.decode(column: "report_id", as: UUID?.self).map(ReportOfConcern.ID.init),
                                             dueAt: try row.decode(column: "due_at", as: Date.self), metAt: nil),
                          caseworkerID: try row.decode(column: "caseworker_id", as: UUID?.self).map(StaffUser.ID.init),
                          assignmentVersion: try row.decode(column: "assignment_version", as: Int.self))
        }
        // Two counts over index ranges, in one statement: each statement is a trip to the
        // database's thread, and one count testing every row is dearer than two range counts.
        let totals = try await sql.raw("""
            SELECT (SELECT COUNT(*) FROM deadlines d WHERE \(open)) AS total,
                   (SELECT COUNT(*) FROM deadlines d WHERE \(open) AND d.due_at < \(bind: now)) AS overdue
            """).first()
        return WorktrayPage(entries: entries, total: try totals?.decode(column: "total", as: Int.self) ?? 0,
                            overdue: try totals?.decode(column: "overdue", as: Int.self) ?? 0)
    }

    /// The open deadlines of the owner's tray within the scope, as a condition on `deadlines d`.
    private static func openDeadlines(of owner: WorktrayOwner, in scope: AccessScope) -> SQLQueryString {
        var condition: SQLQueryString = "d.met_at IS NULL AND d.municipality_id = \(bind: scope.municipalityID.rawValue)"
        condition += scope.teamCondition("d.team")
        if case .caseworker(let user) = owner { condition += " AND d.caseworker_id = \(bind: user.rawValue)" }
        return condition
    }
}
