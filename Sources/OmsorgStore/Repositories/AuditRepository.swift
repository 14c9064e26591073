import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// One entry of a child's access log, as its reviewers read it.
public struct AccessLogEntry: Sendable, Equatable {
    public let at: Date
    public let actorName: String?
    /// Written by Omsorg itself (the retention run), not by a member of staff.
    public let bySystem: Bool
    public let role: Role
    public let action: String
    public let purpose: String
}

/// A child's access log: who has read or changed the child's data, when, and why.
public struct AccessLog: Sendable, Equatable {
    public let child: Child
    /// The newest entries first, at most the limit asked for.
    public let entries: [AccessLogEntry]
    public let total: Int
}

/// Reads of the audit log. Nothing here changes it: the log is written only by the accesses it records.
public struct AuditRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// The access log of a child of the caller's municipality: for administrators, and for the
    /// caseworkers and team leaders of the team answerable for the child now: the team of the open
    /// case or, when every case is closed, of the latest one; not a team that once had a case
    /// before another took over. Anyone else, and any other municipality, finds no such child.
    /// Reading the log is itself recorded in it.
    public func accessLog(of childID: Child.ID, access: Access, limit: Int, now: Date) async throws -> AccessLog {
        try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            guard let child = try await Self.reviewableChild(childID, access: access, on: sql) else {
                throw StoreError.notFound("No child \(childID) whose access log you may read.")
            }
            let named = try await AuditIndex.entries(naming: childID, in: access.municipalityID.rawValue, limit: limit, on: sql)
            let entries = named.newest.isEmpty ? [] : try await sql.raw("""
                SELECT a.at, a.actor_id, a.actor_role, a.action, a.purpose, u.display_name
                FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
                WHERE a.municipality_id = \(bind: access.municipalityID.rawValue) AND a.sequence IN (\(SQLList(named.newest.map { SQLBind($0) })))
                ORDER BY a.sequence DESC
                """).all().map { row in
                    AccessLogEntry(at: try row.decode(column: "at", as: Date.self), actorName: try row.decode(column: "display_name", as: String?.self),
                                   bySystem: try row.decode(column: "actor_id", as: UUID.self) == AuditEntry.system.rawValue,
                                   role: Role(rawValue: try row.decode(column: "actor_role", as: String.self)) ?? .notifier,
                                   action: try row.decode(column: "action", as: String.self), purpose: try row.decode(column: "purpose", as: String.self))
                }
            let total = named.total
            try await AuditLog.append([AuditEntry(access, .readAccessLog, subject: "child:\(childID)", children: [childID], at: now)], on: tx)
            return AccessLog(child: child, entries: entries, total: total)
        }
    }

    private static func reviewableChild(_ id: Child.ID, access: Access, on sql: any SQLDatabase) async throws -> Child? {
        var query: SQLQueryString = """
            SELECT h.id AS child_id, h.person_number, h.name, h.school_or_daycare FROM children h
            WHERE h.id = \(bind: id.rawValue) AND h.municipality_id = \(bind: access.municipalityID.rawValue)
            """
        switch access.role {
        case .administrator:
            break
        case .caseworker, .teamLeader:
            query += """
                 AND EXISTS (SELECT 1 FROM cases c WHERE c.child_id = h.id\(access.scope.teamCondition("c.team"))
                   AND (c.closed_at IS NULL OR NOT EXISTS (SELECT 1 FROM cases o WHERE o.child_id = c.child_id AND o.id <> c.id
                                                           AND (o.closed_at IS NULL OR o.opened_at > c.opened_at))))
                """
        case .manager, .analyst, .notifier:
            return nil
        }
        guard let row = try await sql.raw(query).first() else { return nil }
        return try Child.decoded(from: row)
    }
}
