import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// User administration: an administrator's own municipality's staff, never another's, and every
/// change written to the audit log in the same transaction as the change itself.
extension StaffRepository {
    /// The municipality's staff, by name, active and deactivated alike.
    public func accounts(access: Access) async throws -> [StaffAccount] {
        try Self.administers(access)
        return try await UserRow.query(on: db).filter(\.$municipalityID == access.municipalityID.rawValue)
            .sort(\.$displayName).sort(\.$username).all().map(StaffAccount.init)
    }

    public func account(_ id: StaffUser.ID, access: Access) async throws -> StaffAccount {
        try Self.administers(access)
        return StaffAccount(try await Self.scopedUser(id, access: access, on: db))
    }

    /// Creates `user` in the administrator's municipality, whatever municipality it names.
    public func addAccount(_ user: StaffUser, passwordHash: String, access: Access, now: Date) async throws -> StaffAccount {
        try Self.administers(access)
        let user = try StaffUser(id: user.id, municipalityID: access.municipalityID, username: user.username, displayName: user.displayName,
                                 role: user.role, team: user.team).checked()
        return try await db.writing { tx in
            // The administrator typed the password and knows it.
            let row = try await StaffRepository(tx).insertUser(user, passwordHash: passwordHash, setByAdministrator: true)
            try await AuditLog.append([AuditEntry(access, .createUser, subject: Self.subject(row), children: [], at: now)], on: tx)
            return StaffAccount(row)
        }
    }

    /// Changes a user's name, role, team and whether they may sign in; with `version`, only if no one
    /// has changed the user since. A deactivated user's sessions and tokens end with the change.
    public func changeAccount(_ id: StaffUser.ID, to change: StaffAccount.Change, ifVersion version: Int?, access: Access,
                              now: Date) async throws -> StaffAccount {
        try Self.administers(access)
        return try await db.writing { tx in
            let row = try await Self.scopedUser(id, access: access, on: tx, locking: true)
            if let version, version != row.version { throw StoreError.changedSince(current: row.version) }
            let before = StaffUser(row)
            let changed = try StaffUser(id: before.id, municipalityID: before.municipalityID, username: before.username,
                                        displayName: change.displayName, role: change.role, team: change.team).checked()
            try before.checkChange(to: changed, active: change.isActive, by: access.actor)
            if before.removesAnAdministrator(to: changed, wasActive: row.active, active: change.isActive) {
                try await Self.keepAnotherAdministrator(than: id, field: changed.role != .administrator ? "role" : "active", access: access, on: tx)
            }
            let action: AuditEntry.Action = row.active == change.isActive ? .changeUser : change.isActive ? .reactivateUser : .deactivateUser
            row.displayName = changed.displayName
            row.role = changed.role.rawValue
            row.team = changed.team
            row.active = change.isActive
            row.version += 1
            try await row.save(on: tx)
            // The audit head before the sessions, in the order a retention run takes them (PostgreSQL
            // would otherwise find the two waiting for each other).
            try await AuditLog.append([AuditEntry(access, action, subject: Self.subject(row), children: [], at: now)], on: tx)
            if !change.isActive { try await Self.endSessions(of: id, on: tx) }
            return StaffAccount(row)
        }
    }

    /// Sets a new password that the administrator hands over; every session and token of the user ends.
    public func resetPassword(of id: StaffUser.ID, passwordHash: String, ifVersion version: Int?, access: Access, now: Date) async throws -> StaffAccount {
        try Self.administers(access)
        return try await db.writing { tx in
            let row = try await Self.scopedUser(id, access: access, on: tx, locking: true)
            if let version, version != row.version { throw StoreError.changedSince(current: row.version) }
            row.passwordHash = passwordHash
            row.passwordSetByAdministrator = true
            row.version += 1
            try await row.save(on: tx)
            try await AuditLog.append([AuditEntry(access, .resetPassword, subject: "user:\(id)", children: [], at: now)], on: tx)
            try await Self.endSessions(of: id, on: tx)
            return StaffAccount(row)
        }
    }

    /// Only administrators administer users; the web layer refuses the others first.
    private static func administers(_ access: Access) throws {
        guard access.role == .administrator else { throw StoreError.notFound("No such user.") }
    }

    /// The user, in the administrator's municipality; held (PostgreSQL) for a change, so that two
    /// administrators' changes to one user follow each other.
    private static func scopedUser(_ id: StaffUser.ID, access: Access, on db: any Database, locking: Bool = false) async throws -> UserRow {
        if locking {
            _ = try await (db as! any SQLDatabase).select().column("version").from("users").where("id", .equal, id.rawValue).for(.update).first()
        }
        guard let row = try await UserRow.query(on: db).filter(\.$id == id.rawValue).filter(\.$municipalityID == access.municipalityID.rawValue).first()
        else { throw StoreError.notFound("No user \(id) in your municipality.") }
        return row
    }

    /// Refuses the change unless another active administrator remains, and unless the one making it
    /// still is one. The municipality's row is held first (PostgreSQL), so two administrators
    /// demoting each other at once are counted one after the other, and the second finds the first
    /// already gone; SQLite has one writer anyway. `NO KEY UPDATE`, as the rows that refer to the
    /// municipality take a key share of it: cases and loads of the municipality go on meanwhile.
    private static func keepAnotherAdministrator(than id: StaffUser.ID, field: String, access: Access, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if !sql.isSQLite {
            _ = try await sql.select().column("id").from("municipalities").where("id", .equal, access.municipalityID.rawValue)
                .lockingClause(SQLRaw("FOR NO KEY UPDATE")).first()
        }
        let actor = try await UserRow.query(on: db).filter(\.$id == access.actor.rawValue).first()
        guard actor?.active == true, actor?.role == Role.administrator.rawValue else { throw StoreError.notFound("No such user.") }
        let others = try await UserRow.query(on: db).filter(\.$municipalityID == access.municipalityID.rawValue)
            .filter(\.$role == Role.administrator.rawValue).filter(\.$active == true).filter(\.$id != id.rawValue).count()
        if others == 0 { throw CaseFlowError.invalid(field, .lastAdministrator) }
    }

    static func endSessions(of id: StaffUser.ID, on db: any Database) async throws {
        try await TokenRow.query(on: db).filter(\.$userID == id.rawValue).delete()
        try await WebSessionRow.query(on: db).filter(\.$userID == id.rawValue).delete()
    }

    /// What the log says about the user: who, and with which role and team, so that a review can
    /// follow a user's rights over time.
    private static func subject(_ row: UserRow) -> String {
        // The team quoted and escaped: a team named `x active:false` must not read as another field.
        "user:\(StaffUser.ID(row.id!)) role:\(row.role) team:\(row.team.map { String(reflecting: $0) } ?? "-") active:\(row.active)"
    }
}

extension StaffRepository {
    /// An administrator an operator adds from the command line (`omsorg administrator`), such as a
    /// new municipality's first: the log names Omsorg itself as who added them.
    public func addAdministrator(_ user: StaffUser, passwordHash: String, now: Date) async throws -> StaffAccount {
        let operatorAccess = Access(StaffUser(id: AuditEntry.system, municipalityID: user.municipalityID, username: "omsorg", displayName: "Omsorg",
                                              role: .administrator, team: nil), purpose: .administration)
        let administrator = StaffUser(id: user.id, municipalityID: user.municipalityID, username: user.username, displayName: user.displayName,
                                      role: .administrator, team: nil)
        return try await addAccount(administrator, passwordHash: passwordHash, access: operatorAccess, now: now)
    }
}
