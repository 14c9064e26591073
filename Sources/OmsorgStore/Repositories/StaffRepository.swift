import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// Municipalities, staff users and their sign-in tokens.
public struct StaffRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func createMunicipality(_ municipality: Municipality) async throws {
        let row = MunicipalityRow()
        row.id = municipality.id.rawValue
        row.code = municipality.code
        row.name = municipality.name
        try await save(row, duplicate: "A municipality with code \(municipality.code) exists.", field: "code")
    }

    /// Every municipality, by code.
    public func municipalities() async throws -> [Municipality] {
        try await MunicipalityRow.query(on: db).sort(\.$code).all().map(Municipality.init)
    }

    public func municipality(code: String) async throws -> Municipality? {
        try await MunicipalityRow.query(on: db).filter(\.$code == code).first().map(Municipality.init)
    }

    public func municipality(_ id: Municipality.ID) async throws -> Municipality? {
        try await MunicipalityRow.find(id.rawValue, on: db).map(Municipality.init)
    }

    /// Adds a user as they are given, for the demo and for tests; administrators go through `addAccount`.
    public func createUser(_ user: StaffUser, passwordHash: String) async throws {
        _ = try await insertUser(user, passwordHash: passwordHash)
    }

    func insertUser(_ user: StaffUser, passwordHash: String, setByAdministrator: Bool = false) async throws -> UserRow {
        let row = UserRow()
        row.id = user.id.rawValue
        row.municipalityID = user.municipalityID.rawValue
        row.username = user.username
        row.displayName = user.displayName
        row.role = user.role.rawValue
        row.team = user.team
        row.passwordHash = passwordHash
        row.active = true
        row.version = 0
        row.passwordSetByAdministrator = setByAdministrator
        try await save(row, duplicate: "The username \(user.username) is taken.", field: "username")
        return row
    }

    /// Whether a user, active or not, has the username: usernames are never used twice.
    public func usernameTaken(_ username: String) async throws -> Bool {
        try await UserRow.query(on: db).filter(\.$username == username).count() > 0
    }

    /// The user and their password hash, for checking a sign-in; a deactivated user has none.
    public func credentials(username: String) async throws -> (user: StaffUser, passwordHash: String, setByAdministrator: Bool)? {
        guard let row = try await UserRow.query(on: db).filter(\.$username == username).filter(\.$active == true).first() else { return nil }
        return (StaffUser(row), row.passwordHash, row.passwordSetByAdministrator)
    }

    /// Replaces a password an administrator set (or the user's own) with the user's new one, if the
    /// user still has the one they signed in with (`currentHash`), and ends every session and token
    /// from before; audited. Returns whether it did.
    public func chooseOwnPassword(_ user: StaffUser, replacing currentHash: String, with newHash: String, now: Date) async throws -> Bool {
        try await db.writing { tx in
            guard try await Self.holdsCredentials(user.id, passwordHash: currentHash, on: tx),
                  let row = try await UserRow.find(user.id.rawValue, on: tx) else { return false }
            row.passwordHash = newHash
            // The version stays: an administrator's open form of the user changes nothing the user did.
            row.passwordSetByAdministrator = false
            try await row.save(on: tx)
            try await AuditLog.append([AuditEntry(Access(user, purpose: .administration), .chooseOwnPassword, subject: "user:\(user.id)",
                                                  children: [], at: now)], on: tx)
            // Whoever holds a session or token from the password before signs in again.
            try await Self.endSessions(of: user.id, on: tx)
            return true
        }
    }

    /// An active user of the municipality: whom a case can be assigned to.
    public func user(_ id: StaffUser.ID, in municipality: Municipality.ID) async throws -> StaffUser? {
        try await UserRow.query(on: db)
            .filter(\.$id == id.rawValue)
            .filter(\.$active == true)
            .filter(\.$municipalityID == municipality.rawValue)
            .first().map(StaffUser.init)
    }

    /// The active staff of one team, by name: whom a team leader can assign a case to.
    public func team(_ team: String, in municipality: Municipality.ID) async throws -> [StaffUser] {
        try await UserRow.query(on: db)
            .filter(\.$municipalityID == municipality.rawValue)
            .filter(\.$active == true)
            .filter(\.$team == team)
            .sort(\.$displayName)
            .all().map(StaffUser.init)
    }

    /// Stores a sign-in's token, unless the user's password changed or they were deactivated since
    /// the sign-in checked `passwordHash`: a sign-in under way when an administrator resets the
    /// password or deactivates the user must not leave a token behind. Returns whether it stored it.
    public func storeToken(hash: String, for user: StaffUser.ID, expiresAt: Date, ifPasswordHash passwordHash: String) async throws -> Bool {
        try await db.writing { tx in
            guard try await Self.holdsCredentials(user, passwordHash: passwordHash, on: tx) else { return false }
            let row = TokenRow()
            row.userID = user.rawValue
            row.tokenHash = hash
            row.expiresAt = expiresAt
            try await row.create(on: tx)
            return true
        }
    }

    /// Whether the user is active with this password hash, their row held (PostgreSQL) until the
    /// transaction ends, so that a password reset or deactivation waits for the sign-in or follows it.
    static func holdsCredentials(_ user: StaffUser.ID, passwordHash: String, on db: any Database) async throws -> Bool {
        let row = try await (db as! any SQLDatabase).select().columns("password_hash", "active").from("users")
            .where("id", .equal, user.rawValue).for(.update).first()
        guard let row else { return false }
        return try row.decode(column: "active", as: Bool.self) && row.decode(column: "password_hash", as: String.self) == passwordHash
    }

    /// The user a token belongs to, while it has not expired. Hand-written SQL: it runs on every
    /// API request, and Fluent's reflection and identifier quoting cost more than the query.
    public func user(tokenHash: String, now: Date) async throws -> StaffUser? {
        let query: SQLQueryString = "SELECT " + StaffUserColumns.select + """
             FROM user_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.token_hash = \(bind: tokenHash) AND t.expires_at > \(bind: now) AND u.active = \(bind: true)
            """
        return try await (db as! any SQLDatabase).raw(query).first().map(StaffUserColumns.decode)
    }

    public func deleteToken(hash: String) async throws {
        try await TokenRow.query(on: db).filter(\.$tokenHash == hash).delete()
    }

    public func hasMunicipalities() async throws -> Bool {
        try await MunicipalityRow.query(on: db).count() > 0
    }

    private func save(_ row: some Model, duplicate message: String, field: String) async throws {
        do {
            try await row.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw StoreError.duplicate(message, field: field)
        }
    }
}

extension Municipality {
    init(_ row: MunicipalityRow) {
        self.init(id: .init(row.id!), code: row.code, name: row.name)
    }
}

extension StaffUser {
    init(_ row: UserRow) {
        self.init(id: .init(row.id!), municipalityID: .init(row.municipalityID), username: row.username,
                  displayName: row.displayName, role: Role(rawValue: row.role) ?? .notifier, team: row.team)
    }
}
