import Crypto
import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// Who looked at or changed what personal data, and why.
public struct AuditEntry: Sendable, Equatable {
    public let at: Date
    public let actor: StaffUser.ID
    public let role: Role
    public let municipality: Municipality.ID
    public let action: String
    public let subject: String
    public let purpose: String

    public init(at: Date, actor: StaffUser, action: String, subject: String, purpose: String) {
        self.init(at: at, actor: actor.id, role: actor.role, municipality: actor.municipalityID, action: action, subject: subject, purpose: purpose)
    }

    init(at: Date, actor: StaffUser.ID, role: Role, municipality: Municipality.ID, action: String, subject: String, purpose: String) {
        self.at = at
        self.actor = actor
        self.role = role
        self.municipality = municipality
        self.action = action
        self.subject = subject
        self.purpose = purpose
    }
}

/// Appends to and verifies the hash-chained audit log. Appending happens inside the caller's
/// transaction, so an access and its entry are stored together or not at all.
public enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)

    /// Appends `entry` after the last one. Two appends at once collide on the sequence number and
    /// one transaction fails whole, so the chain never forks.
    static func append(_ entry: AuditEntry, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let last = try await sql.select().columns("sequence", "hash").from("audit_log")
            .orderBy("sequence", .descending).limit(1).first()
        let sequence = (try last?.decode(column: "sequence", as: Int.self) ?? 0) + 1
        let previous = try last?.decode(column: "hash", as: String.self) ?? genesis
        let seconds = Int(entry.at.timeIntervalSince1970.rounded(.down))
        do {
            try await sql.insert(into: "audit_log")
                .columns("sequence", "at", "actor_id", "actor_role", "municipality_id", "action", "subject", "purpose", "previous_hash", "hash")
                .values(SQLBind(sequence), SQLBind(Date(timeIntervalSince1970: TimeInterval(seconds))), SQLBind(entry.actor.rawValue),
                        SQLBind(entry.role.rawValue), SQLBind(entry.municipality.rawValue), SQLBind(entry.action), SQLBind(entry.subject),
                        SQLBind(entry.purpose), SQLBind(previous),
                        SQLBind(hash(previous: previous, sequence: sequence, seconds: seconds, entry: entry)))
                .run()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw StoreError.concurrentChange
        }
    }

    /// The first entry whose hash does not follow from its content and its predecessor, or a gap in
    /// the sequence; nil when the whole chain holds.
    public static func verify(on db: any Database) async throws -> (entries: Int, brokenAt: Int?) {
        let rows = try await (db as! any SQLDatabase).select()
            .columns("sequence", "at", "actor_id", "actor_role", "municipality_id", "action", "subject", "purpose", "previous_hash", "hash")
            .from("audit_log").orderBy("sequence").all()
        var previous = genesis
        for (index, row) in rows.enumerated() {
            let sequence = try row.decode(column: "sequence", as: Int.self)
            let seconds = Int(try row.decode(column: "at", as: Date.self).timeIntervalSince1970.rounded())
            let entry = AuditEntry(at: .init(timeIntervalSince1970: TimeInterval(seconds)),
                                   actor: .init(try row.decode(column: "actor_id", as: UUID.self)),
                                   role: Role(rawValue: try row.decode(column: "actor_role", as: String.self)) ?? .notifier,
                                   municipality: .init(try row.decode(column: "municipality_id", as: UUID.self)),
                                   action: try row.decode(column: "action", as: String.self),
                                   subject: try row.decode(column: "subject", as: String.self),
                                   purpose: try row.decode(column: "purpose", as: String.self))
            let stored = try row.decode(column: "hash", as: String.self)
            guard sequence == index + 1, try row.decode(column: "previous_hash", as: String.self) == previous,
                  stored == hash(previous: previous, sequence: sequence, seconds: seconds, entry: entry)
            else { return (rows.count, index + 1) }
            previous = stored
        }
        return (rows.count, nil)
    }

    static func hash(previous: String, sequence: Int, seconds: Int, entry: AuditEntry) -> String {
        let fields = [previous, String(sequence), String(seconds), entry.actor.description, entry.role.rawValue,
                      entry.municipality.description, entry.action, entry.subject, entry.purpose]
        // Length-prefixed, so that moving text between fields changes the hash.
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
