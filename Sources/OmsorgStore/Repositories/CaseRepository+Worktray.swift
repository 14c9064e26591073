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

    /// One page of open deadlines, soonest first, with the totals over every page. Read with SQLKit
    /// in one query per figure: a caseworker may hold thousands of open deadlines.
    public func worktray(_ owner: WorktrayOwner, scope: AccessScope, now: Date, limit: Int, offset: Int) async throws -> WorktrayPage {
        let sql = db as! any SQLDatabase
        let rows = try await filtered(sql.select(), owner, scope)
            .column(SQLColumn("case_id", table: "deadlines"))
            .column(SQLColumn("kind", table: "deadlines"))
            .column(SQLColumn("report_id", table: "deadlines"))
            .column(SQLColumn("due_at", table: "deadlines"))
            .column(SQLColumn("caseworker_id", table: "cases"))
            .column(SQLColumn("name", table: "children"))
            .orderBy(SQLRaw("CASE WHEN cases.caseworker_id IS NULL THEN 0 ELSE 1 END"))
            .orderBy(SQLColumn("due_at", table: "deadlines"))
            .orderBy(SQLColumn("id", table: "deadlines"))
            .limit(limit)
            .offset(offset)
            .all()
        let entries = try rows.map { row in
            WorktrayEntry(caseID: .init(try row.decode(column: "case_id", as: UUID.self)),
                          childName: try row.decode(column: "name", as: String.self),
                          deadline: Deadline(kind: Deadline.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .followUp,
                                             reportID: try row.decode(column: "report_id", as: UUID?.self).map(ReportOfConcern.ID.init),
                                             dueAt: try row.decode(column: "due_at", as: Date.self), metAt: nil),
                          caseworkerID: try row.decode(column: "caseworker_id", as: UUID?.self).map(StaffUser.ID.init))
        }
        let totals = try await filtered(sql.select(), owner, scope)
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .column(SQLFunction("COUNT", args: SQLQueryString("CASE WHEN deadlines.due_at < \(bind: now) THEN 1 END")), as: "overdue")
            .first()
        return WorktrayPage(entries: entries, total: try totals?.decode(column: "total", as: Int.self) ?? 0,
                            overdue: try totals?.decode(column: "overdue", as: Int.self) ?? 0)
    }

    private func filtered(_ select: SQLSelectBuilder, _ owner: WorktrayOwner, _ scope: AccessScope) -> SQLSelectBuilder {
        var query = select.from("deadlines")
            .join("cases", on: SQLColumn("case_id", table: "deadlines"), .equal, SQLColumn("id", table: "cases"))
            .join("children", on: SQLColumn("child_id", table: "cases"), .equal, SQLColumn("id", table: "children"))
            .where(SQLColumn("municipality_id", table: "cases"), .equal, SQLBind(scope.municipalityID.rawValue))
            .where(SQLColumn("met_at", table: "deadlines"), .is, SQLLiteral.null)
        if let team = scope.team { query = query.where(SQLColumn("team", table: "cases"), .equal, SQLBind(team)) }
        if case .caseworker(let user) = owner {
            query = query.where(SQLColumn("caseworker_id", table: "cases"), .equal, SQLBind(user.rawValue))
        }
        return query
    }
}
