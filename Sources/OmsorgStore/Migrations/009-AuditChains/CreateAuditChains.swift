import Crypto
import FluentKit
import Foundation
import SQLKit

/// One audit chain per municipality instead of one for the whole country: appending locks only the
/// municipality's head (`audit_heads`), and a municipality's chain can be checked and checkpointed
/// on its own. `audit_children` names the children each entry concerns, for each child's access
/// log. The entries of the old single chain move into their municipalities' chains, hashed anew.
struct CreateAuditChains: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("audit_entries")
            .field("municipality_id", .uuid, .required)
            .field("sequence", .int, .required)
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_role", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("purpose", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "municipality_id", "sequence")
            .create()
        try await database.schema("audit_children")
            .field("municipality_id", .uuid, .required)
            .field("sequence", .int, .required)
            .field("child_id", .uuid, .required)
            .create()
        try await sql.create(index: "audit_children_child").on("audit_children").column("municipality_id").column("child_id").run()
        try await database.schema("audit_heads")
            .field("municipality_id", .uuid, .identifier(auto: false))
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .create()
        try await moveOldEntries(on: sql)
        try await database.schema("audit_log").delete()
    }

    /// Puts the old chain back, empty: entries written since cannot be given back to it.
    func revert(on database: any Database) async throws {
        try await database.schema("audit_heads").delete()
        try await database.schema("audit_children").delete()
        try await database.schema("audit_entries").delete()
        try await CreateAuditLog().prepare(on: database)
    }

    /// As `AuditLog` hashed entries when this migration was written; frozen here with it.
    private func moveOldEntries(on sql: any SQLDatabase) async throws {
        let old = try await sql.select().columns("at", "actor_id", "actor_role", "municipality_id", "action", "subject", "purpose")
            .from("audit_log").orderBy("sequence").all()
        var heads: [UUID: (sequence: Int, hash: String)] = [:]
        for row in old {
            let municipality = try row.decode(column: "municipality_id", as: UUID.self)
            let at = Date(timeIntervalSince1970: try row.decode(column: "at", as: Date.self).timeIntervalSince1970.rounded())
            let actor = try row.decode(column: "actor_id", as: UUID.self)
            let (role, action, subject, purpose) = (try row.decode(column: "actor_role", as: String.self), try row.decode(column: "action", as: String.self),
                                                    try row.decode(column: "subject", as: String.self), try row.decode(column: "purpose", as: String.self))
            let previous = heads[municipality] ?? (0, String(repeating: "0", count: 64))
            let sequence = previous.sequence + 1
            let canonical = [previous.hash, municipality.uuidString.lowercased(), String(sequence), String(Int(at.timeIntervalSince1970)),
                             actor.uuidString.lowercased(),
                             role, action, subject, "", purpose].map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
            let hash = SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
            try await sql.insert(into: "audit_entries")
                .columns("municipality_id", "sequence", "at", "actor_id", "actor_role", "action", "subject", "purpose", "previous_hash", "hash")
                .values(SQLBind(municipality), SQLBind(sequence), SQLBind(at), SQLBind(actor), SQLBind(role), SQLBind(action), SQLBind(subject),
                        SQLBind(purpose), SQLBind(previous.hash), SQLBind(hash))
                .run()
            heads[municipality] = (sequence, hash)
        }
        for (municipality, head) in heads {
            try await sql.insert(into: "audit_heads").columns("municipality_id", "sequence", "hash")
                .values(SQLBind(municipality), SQLBind(head.sequence), SQLBind(head.hash)).run()
        }
    }
}
