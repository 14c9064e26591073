import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

extension CaseRepository {
    /// Cases in the caller's scope whose child has this person number, or a name containing the
    /// words typed, newest first. Outside the scope nothing is found, not even that a child exists.
    public func search(_ text: String, access: Access, limit: Int, now: Date) async throws -> [CaseSummary] {
        // No name holds a control character, and PostgreSQL refuses a NUL in a query outright.
        guard PlainText.forbiddenCharacter(in: text) == nil else { return [] }
        let found = try await Self.search(text, scope: access.scope, limit: limit, on: db as! any SQLDatabase)
        try await audit.record(AuditEntry(access, .search, subject: "search", children: found.map(\.childID), at: now))
        return found
    }

    private static func search(_ text: String, scope: AccessScope, limit: Int, on sql: any SQLDatabase) async throws -> [CaseSummary] {
        let digits = text.filter { $0 != "-" && $0 != " " }
        var query = sql.select()
            .columns(SQLColumn("id", table: "cases"), SQLColumn("stage", table: "cases"), SQLColumn("opened_at", table: "cases"),
                     SQLColumn("caseworker_id", table: "cases"), SQLColumn("child_id", table: "cases"), SQLColumn("name", table: "children"))
            .from("cases")
            .join("children", on: SQLColumn("child_id", table: "cases"), .equal, SQLColumn("id", table: "children"))
            .where(SQLColumn("municipality_id", table: "cases"), .equal, SQLBind(scope.municipalityID.rawValue))
        query = query.where(SQLColumn("team", table: "cases"), .equal, SQLBind(scope.caseTeam))
        if digits.count == 10, digits.allSatisfy(\.isNumber) {
            query = query.where(SQLColumn("person_number", table: "children"), .equal, SQLBind(digits))
        } else {
            let words = text.lowercased().split(separator: " ").map { "%" + Self.likeEscaped(String($0)) + "%" }
            guard !words.isEmpty else { return [] }
            for word in words {
                query = query.where(SQLFunction("LOWER", args: [SQLColumn("name", table: "children")]), .like, SQLBind(word))
            }
        }
        return try await query.orderBy(SQLOrderBy(expression: SQLColumn("opened_at", table: "cases"), direction: SQLDirection.descending)).limit(limit).all().map { row in
            CaseSummary(id: .init(try row.decode(column: "id", as: UUID.self)), childID: .init(try row.decode(column: "child_id", as: UUID.self)), childName: try row.decode(column: "name", as: String.self),
                        stage: CaseFile.Stage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .intake,
                        openedAt: try row.decode(column: "opened_at", as: Date.self),
                        caseworkerID: try row.decode(column: "caseworker_id", as: UUID?.self).map(StaffUser.ID.init))
        }
    }

    /// LIKE treats % and _ as wildcards; a name typed with them means them literally.
    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }
}
