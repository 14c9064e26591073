import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// Each municipality's retention periods, and the run that deletes what is past them. A run is one
/// transaction per municipality, records what it deleted in that municipality's audit chain, and
/// finds nothing more to do when repeated.
public struct RetentionRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// What a run deleted, or in a dry run would delete, of one kind in one municipality.
    public struct Outcome: Sendable, Equatable {
        public let municipality: Municipality
        public let kind: RetainedRecord
        public let days: Int
        /// Closed cases, audit entries, or sessions and tokens.
        public let count: Int
    }

    /// The municipality's periods, its own where set and the defaults elsewhere.
    public func periods(of municipality: Municipality.ID) async throws -> [RetainedRecord: Int] {
        let set = try await sql.select().columns("kind", "days").from("retention_periods")
            .where("municipality_id", .equal, municipality.rawValue).all()
        var periods = Dictionary(uniqueKeysWithValues: RetainedRecord.allCases.map { ($0, $0.defaultDays) })
        for row in set {
            if let kind = RetainedRecord(rawValue: try row.decode(column: "kind", as: String.self)) { periods[kind] = try row.decode(column: "days", as: Int.self) }
        }
        return periods
    }

    /// Sets one period; the caller has checked it lies within `kind.allowedDays`.
    public func setPeriod(_ days: Int, for kind: RetainedRecord, in municipality: Municipality.ID) async throws {
        precondition(kind.allowedDays.contains(days), "checked by the caller")
        try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            try await sql.delete(from: "retention_periods").where("municipality_id", .equal, municipality.rawValue).where("kind", .equal, kind.rawValue).run()
            try await sql.insert(into: "retention_periods").columns("municipality_id", "kind", "days")
                .values(SQLBind(municipality.rawValue), SQLBind(kind.rawValue), SQLBind(days)).run()
        }
    }

    /// Deletes, in every municipality, what its periods say is due at `now`; with `dryRun`, only
    /// counts it. A session ends when it expires or has been idle for `sessionIdle`.
    public func run(now: Date, sessionIdle: TimeInterval, dryRun: Bool) async throws -> [Outcome] {
        let municipalities = try await StaffRepository(db).municipalities()
        var outcomes: [Outcome] = []
        for municipality in municipalities {
            let periods = try await periods(of: municipality.id)
            let body: @Sendable (any Database) async throws -> [Outcome] = { tx in
                let run = Run(municipality: municipality, now: now, dryRun: dryRun, sql: tx as! any SQLDatabase)
                // Two runs at once (cron on two servers) take turns, and the indexer waits for the run.
                if !dryRun { _ = try await AuditIndex.lock(municipality.id.rawValue, on: tx as! any SQLDatabase) }
                return [
                    Outcome(municipality: municipality, kind: .closedCases, days: periods[.closedCases]!,
                            count: try await run.closedCases(olderThan: periods[.closedCases]!)),
                    Outcome(municipality: municipality, kind: .closedProposals, days: periods[.closedProposals]!,
                            count: try await run.closedProposals(olderThan: periods[.closedProposals]!)),
                    Outcome(municipality: municipality, kind: .sessions, days: periods[.sessions]!,
                            count: try await run.sessions(olderThan: periods[.sessions]!, idle: sessionIdle)),
                    // Last, so that the entries the run itself has just written are never what it deletes.
                    Outcome(municipality: municipality, kind: .auditEntries, days: periods[.auditEntries]!,
                            count: try await run.auditEntries(olderThan: periods[.auditEntries]!)),
                ]
            }
            outcomes += dryRun ? try await body(db) : try await db.writing(body)
        }
        return outcomes
    }

    private var sql: any SQLDatabase { db as! any SQLDatabase }
}

/// One municipality's share of a retention run, inside its transaction.
private struct Run {
    let municipality: Municipality
    let now: Date
    let dryRun: Bool
    let sql: any SQLDatabase

    private func cutoff(_ days: Int) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }

    /// Closed before the cutoff: the case with its steps and deadlines, and the child with the
    /// family once no other case of the child remains.
    func closedCases(olderThan days: Int) async throws -> Int {
        let due = try await sql.select().columns("id", "child_id").from("cases")
            .where("municipality_id", .equal, municipality.id.rawValue).where("closed_at", .isNot, SQLLiteral.null)
            .where("closed_at", .lessThan, cutoff(days)).all()
            .map { (case: try $0.decode(column: "id", as: UUID.self), child: try $0.decode(column: "child_id", as: UUID.self)) }
        guard !dryRun, !due.isEmpty else { return due.count }
        for chunk in due.chunks(of: 500) {
            let cases = chunk.map { SQLBind($0.case) }
            for table in ["case_steps", "deadlines"] {
                try await sql.delete(from: table).where("case_id", .in, SQLGroupExpression(SQLList(cases))).run()
            }
            try await sql.delete(from: "cases").where("id", .in, SQLGroupExpression(SQLList(cases))).run()
            let children: SQLQueryString = "id IN (\(SQLList(chunk.map { SQLBind($0.child) }))) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.child_id = children.id)"
            try await sql.raw("DELETE FROM family_members WHERE child_id IN (SELECT id FROM children WHERE \(children))").run()
            try await sql.raw("DELETE FROM children WHERE \(children)").run()
        }
        try await record(.deleteByRetention, "cases closed before \(Self.day(cutoff(days))): \(due.count)", children: due.map { Child.ID($0.child) })
        return due.count
    }

    /// Proposals that closed without consent before the cutoff: the family's pseudonyms, the
    /// explanation and the caseworker's notes go with them. A consented proposal is the record of
    /// an effort and stays.
    func closedProposals(olderThan days: Int) async throws -> Int {
        let closed = ProposalState.allCases.filter(\.isClosedWithoutConsent).map { SQLBind($0.rawValue) }
        let due: SQLQueryString = """
            municipality_id = \(bind: municipality.id.rawValue) AND state IN (\(SQLList(closed))) AND closed_at < \(bind: cutoff(days))
            """
        let count = try await count("detection_proposals", due)
        guard !dryRun, count > 0 else { return count }
        try await sql.raw("DELETE FROM detection_proposals WHERE \(due)").run()
        try await record(.deleteByRetention, "proposals closed without consent before \(Self.day(cutoff(days))): \(count)", children: [])
        return count
    }

    /// Sign-in sessions and API tokens of the municipality's staff that ended before the cutoff.
    func sessions(olderThan days: Int, idle: TimeInterval) async throws -> Int {
        let cutoff = cutoff(days)
        let staff: SQLQueryString = "user_id IN (SELECT id FROM users WHERE municipality_id = \(bind: municipality.id.rawValue))"
        let sessions: SQLQueryString = "\(staff) AND (expires_at < \(bind: cutoff) OR last_seen_at < \(bind: cutoff.addingTimeInterval(-idle)))"
        let tokens: SQLQueryString = "\(staff) AND expires_at < \(bind: cutoff)"
        let count = try await count("web_sessions", sessions) + count("user_tokens", tokens)
        guard !dryRun, count > 0 else { return count }
        try await sql.raw("DELETE FROM web_sessions WHERE \(sessions)").run()
        try await sql.raw("DELETE FROM user_tokens WHERE \(tokens)").run()
        try await record(.deleteByRetention, "sessions and tokens ended before \(Self.day(cutoff)): \(count)", children: [])
        return count
    }

    /// The chain's entries before the cutoff. The chain then begins after the last of them, whose
    /// sequence and hash its head keeps and the run's own entry names, so that it still verifies.
    func auditEntries(olderThan days: Int) async throws -> Int {
        let chain = municipality.id.rawValue
        guard let last = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("sequence")), as: "last").from("audit_entries")
            .where("municipality_id", .equal, chain).where("at", .lessThan, cutoff(days)).first()?
            .decode(column: "last", as: Int?.self) else { return 0 }
        let count = try await count("audit_entries", "municipality_id = \(bind: chain) AND sequence <= \(bind: last)")
        guard !dryRun else { return count }
        guard let hash = try await sql.select().column("hash").from("audit_entries").where("municipality_id", .equal, chain)
            .where("sequence", .equal, last).first()?.decode(column: "hash", as: String.self) else { return 0 }
        try await sql.delete(from: "audit_entries").where("municipality_id", .equal, chain).where("sequence", .lessThanOrEqual, last).run()
        try await AuditIndex.forget(through: last, of: chain, on: sql)
        try await sql.update("audit_heads").set("pruned_through", to: last).set("pruned_hash", to: hash).where("municipality_id", .equal, chain).run()
        try await record(.pruneAuditLog, AuditLog.Pruned(through: last, hash: hash).subject, children: [])
        return count
    }

    private func count(_ table: String, _ condition: SQLQueryString) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func record(_ action: AuditEntry.Action, _ subject: String, children: [Child.ID]) async throws {
        try await AuditLog.append([.retention(action, in: municipality.id, subject: subject, children: children, at: now)], on: sql as! any Database)
    }

    private static func day(_ date: Date) -> String { String(ISO8601DateFormatter().string(from: date).prefix(10)) }
}

private extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
