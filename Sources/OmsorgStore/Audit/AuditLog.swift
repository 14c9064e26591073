import Crypto
import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// The audit log: one hash chain per municipality. Each entry carries the hash of the one before
/// it, and `audit_heads` holds each chain's last sequence and hash, so that an edited, inserted or
/// deleted entry, and a chain cut short, are found by `verify`. An entry names the children it
/// concerns in its own row, covered by its hash; `AuditIndex` files them by child, for each child's
/// access log, behind the writes.
public enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)
    static let columns = ["municipality_id", "sequence", "at", "actor_id", "actor_role", "action", "subject", "children", "purpose", "previous_hash", "hash"]

    /// Appends `entries` to their municipalities' chains inside the caller's transaction, so that a
    /// write and its entries are stored together or not at all. (A read's entries go through the
    /// `AuditWriter`, and are stored before the read shows anything.) Each chain's head is locked until
    /// the transaction ends: the store appends last, just before it commits, so the lock is short,
    /// and municipalities never wait for each other.
    static func append(_ entries: [AuditEntry], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for (municipality, chain) in Dictionary(grouping: entries, by: \.municipality).sorted(by: { $0.key.rawValue.uuidString < $1.key.rawValue.uuidString }) {
            var (sequence, previous) = try await lockedHead(of: municipality, on: sql)
            var rows: [[any SQLExpression]] = []
            for entry in chain {
                sequence += 1
                let hash = Self.hash(entry, sequence: sequence, previous: previous)
                rows.append([SQLBind(municipality.rawValue), SQLBind(sequence), SQLBind(entry.at), SQLBind(entry.actor.rawValue),
                             SQLBind(entry.role.rawValue), SQLBind(entry.action), SQLBind(entry.subject), SQLBind(children(entry.children.map(\.description))),
                             SQLBind(entry.purpose), SQLBind(previous), SQLBind(hash)])
                previous = hash
            }
            try await insert(rows, into: "audit_entries", columns: columns, on: sql)
            try await sql.update("audit_heads").set("sequence", to: sequence).set("hash", to: previous)
                .where("municipality_id", .equal, municipality.rawValue).run()
        }
    }

    /// In statements of at most 500 rows, well inside SQLite's limit on bound values.
    private static func insert(_ rows: [[any SQLExpression]], into table: String, columns: [String], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: 500) {
            try await sql.insert(into: table).columns(columns).rows(rows[start..<min(start + 500, rows.count)]).run()
        }
    }

    /// The chain's last sequence and hash, locked for this transaction (PostgreSQL; SQLite's writer
    /// already holds the whole file). A municipality's first entry starts its chain.
    private static func lockedHead(of municipality: Municipality.ID, on sql: any SQLDatabase) async throws -> (Int, String) {
        func read() async throws -> (Int, String)? {
            try await sql.select().columns("sequence", "hash").from("audit_heads").where("municipality_id", .equal, municipality.rawValue)
                .for(.update).first().map { (try $0.decode(column: "sequence", as: Int.self), try $0.decode(column: "hash", as: String.self)) }
        }
        if let head = try await read() { return head }
        try await sql.insert(into: "audit_heads").columns("municipality_id", "sequence", "hash")
            .values(SQLBind(municipality.rawValue), SQLBind(0), SQLBind(genesis)).ignoringConflicts().run()
        return try await read() ?? (0, genesis)
    }

    static func hash(_ entry: AuditEntry, sequence: Int, previous: String) -> String {
        hash(Stored(sequence: sequence, seconds: Int(entry.at.timeIntervalSince1970), municipality: entry.municipality.description,
                    actor: entry.actor.description, role: entry.role.rawValue, action: entry.action, subject: entry.subject,
                    children: entry.children.map(\.description), purpose: entry.purpose, previous: previous, hash: ""))
    }

    /// How an entry's `children` column and its hash hold its children: sorted, so that neither
    /// depends on the order a read met them in.
    static func children(_ ids: [String]) -> String { ids.sorted().joined(separator: ",") }

    /// An entry as its columns hold it, which is what is hashed: verifying must not tidy up what it checks.
    struct Stored {
        let sequence: Int
        let seconds: Int
        let municipality: String
        let actor: String
        let role: String
        let action: String
        let subject: String
        let children: [String]
        let purpose: String
        let previous: String
        let hash: String
    }

    static func hash(_ entry: Stored) -> String {
        let fields = [entry.previous, entry.municipality, String(entry.sequence), String(entry.seconds), entry.actor, entry.role,
                      entry.action, entry.subject, children(entry.children), entry.purpose]
        // Length-prefixed, so that moving text between fields changes the hash; the children sorted,
        // as a table gives its rows back in no particular order.
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hex.encode(SHA256.hash(data: Data(canonical.utf8)))
    }
}
