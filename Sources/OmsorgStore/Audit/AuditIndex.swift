import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// Files the audit log's entries by child, for each child's access log.
///
/// A work tray's entry names up to fifty children. Filed as each read was stored, one row per
/// child at its own place in a per-child index, every commit rewrote some fifty index pages: more
/// than the read it recorded. Here entries are filed behind the writes, a block at a time: one row
/// per child named in the block (`audit_child_blocks`), listing the child's entries in it, so a
/// tray shown a hundred times in a block costs fifty rows, not five thousand. Each chain is filed
/// up to `audit_indexed.through`; the access log reads the blocks up to there and the few entries
/// after it from the log itself, so it is complete whether or not the index has caught up.
public enum AuditIndex {
    /// The most entries of one chain filed in one block, and so in one transaction.
    public static let batchSize = 500

    /// Files a block of up to `batchSize` entries of each chain that are not yet filed, each chain
    /// in its own transaction; returns how many entries it filed.
    @discardableResult
    public static func catchUp(on db: any Database) async throws -> Int {
        let chains = try await (db as! any SQLDatabase).select().column("municipality_id").from("audit_heads").all()
            .map { try $0.decode(column: "municipality_id", as: UUID.self) }
        var filed = 0
        for chain in chains {
            filed += try await db.writing { tx in try await file(chain, on: tx as! any SQLDatabase) }
        }
        return filed
    }

    /// How far `municipality`'s chain is filed: every entry up to this sequence is in a block.
    /// Holds `chain`'s filing until the transaction ends, so that retention and the indexer take turns.
    static func lock(_ chain: UUID, on sql: any SQLDatabase) async throws -> Int {
        try await sql.insert(into: "audit_indexed").columns("municipality_id", "through").values(SQLBind(chain), SQLBind(0)).ignoringConflicts().run()
        return try await through(chain, on: sql, locking: true)
    }

    static func through(_ municipality: UUID, on sql: any SQLDatabase, locking: Bool = false) async throws -> Int {
        var query = sql.select().column("through").from("audit_indexed").where("municipality_id", .equal, municipality)
        if locking { query = query.for(.update) }
        return try await query.first()?.decode(column: "through", as: Int.self) ?? 0
    }

    /// The newest `limit` entries that name `child`, newest first, and how many there are in all.
    static func entries(naming child: Child.ID, in municipality: UUID, limit: Int, on sql: any SQLDatabase) async throws -> (newest: [Int], total: Int) {
        let through = try await through(municipality, on: sql)
        let unfiled = try await sql.select().column("sequence").from("audit_entries").where("municipality_id", .equal, municipality)
            .where("sequence", .greaterThan, through).where("children", .like, "%\(child)%").orderBy("sequence", .descending).all()
            .map { try $0.decode(column: "sequence", as: Int.self) }
        func filed() -> SQLSelectBuilder {
            sql.select().from("audit_child_blocks").where("municipality_id", .equal, municipality).where("child_id", .equal, child.rawValue)
                .where("last_sequence", .lessThanOrEqual, through)
        }
        // Cast: PostgreSQL sums a bigint column as numeric.
        let total = try await filed().column(SQLRaw("CAST(COALESCE(SUM(entries), 0) AS BIGINT)"), as: "n").first()?.decode(column: "n", as: Int.self) ?? 0
        var newest = unfiled
        for row in try await filed().column("sequences").orderBy("last_sequence", .descending).limit(limit).all() where newest.count < limit {
            newest += Self.sequences(try row.decode(column: "sequences", as: String.self)).reversed()
        }
        return (Array(newest.prefix(limit)), unfiled.count + total)
    }

    /// Takes the entries up to `sequence` out of the index, when retention deletes them: whole
    /// blocks that end there, and their first entries from the block that spans it.
    static func forget(through sequence: Int, of chain: UUID, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "audit_child_blocks").where("municipality_id", .equal, chain).where("last_sequence", .lessThanOrEqual, sequence).run()
        let spanning = try await sql.select().columns("child_id", "sequences").from("audit_child_blocks").where("municipality_id", .equal, chain)
            .where("first_sequence", .lessThanOrEqual, sequence).all()
        for row in spanning {
            let kept = Self.sequences(try row.decode(column: "sequences", as: String.self)).filter { $0 > sequence }
            try await sql.update("audit_child_blocks").set("first_sequence", to: kept.first!).set("entries", to: kept.count)
                .set("sequences", to: kept.map(String.init).joined(separator: ","))
                .where("municipality_id", .equal, chain).where("child_id", .equal, try row.decode(column: "child_id", as: UUID.self))
                .where("first_sequence", .lessThanOrEqual, sequence).run()
        }
    }

    /// A block's list, in order whatever order it was written in.
    static func sequences(_ list: String) -> [Int] { list.split(separator: ",").compactMap { Int($0) }.sorted() }

    private static func file(_ chain: UUID, on sql: any SQLDatabase) async throws -> Int {
        // Two servers filing the same chain at once take turns on its row (PostgreSQL; SQLite has one writer).
        let through = try await lock(chain, on: sql)
        let entries = try await sql.select().columns("sequence", "children").from("audit_entries")
            .where("municipality_id", .equal, chain).where("sequence", .greaterThan, through)
            .orderBy("sequence").limit(batchSize).all()
            .map { (sequence: try $0.decode(column: "sequence", as: Int.self), children: try $0.decode(column: "children", as: String.self)) }
        guard let last = entries.last?.sequence else { return 0 }
        var block: [String: [Int]] = [:]
        for entry in entries {
            for child in entry.children.split(separator: ",") { block[String(child), default: []].append(entry.sequence) }
        }
        // A child the entry names in a form no UUID has is left out: `verify` reports the entry.
        let rows: [[any SQLExpression]] = block.sorted { $0.key < $1.key }.compactMap { child, sequences in
            UUID(uuidString: child).map { id in
                [SQLBind(chain), SQLBind(id), SQLBind(sequences.first!), SQLBind(sequences.last!), SQLBind(sequences.count),
                 SQLBind(sequences.map(String.init).joined(separator: ","))]
            }
        }
        for start in stride(from: 0, to: rows.count, by: 500) {
            try await sql.insert(into: "audit_child_blocks").columns("municipality_id", "child_id", "first_sequence", "last_sequence", "entries", "sequences")
                .rows(rows[start..<min(start + 500, rows.count)]).run()
        }
        try await sql.update("audit_indexed").set("through", to: last).where("municipality_id", .equal, chain).run()
        return entries.count
    }
}
