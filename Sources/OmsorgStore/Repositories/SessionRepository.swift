import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

/// A signed-in page session as the store holds it.
public struct StoredSession: Sendable, Equatable {
    public let user: StaffUser
    public let csrfToken: String
    public let language: String
    public let lastSeenAt: Date
}

/// Page sessions and failed sign-ins (`SessionRepository+SignInFailures`), shared by every server
/// on the database.
public struct SessionRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// Stores a sign-in's session, unless the user's password changed or they were deactivated since
    /// the sign-in checked `passwordHash` (`StaffRepository.storeToken`). Returns whether it stored it.
    public func create(tokenHash: String, user: StaffUser.ID, csrfToken: String, language: String, now: Date,
                       expiresAt: Date, ifPasswordHash passwordHash: String) async throws -> Bool {
        try await db.writing { tx in
            guard try await StaffRepository.holdsCredentials(user, passwordHash: passwordHash, on: tx) else { return false }
            try await Self.row(tokenHash: tokenHash, user: user, csrfToken: csrfToken, language: language, now: now, expiresAt: expiresAt)
                .create(on: tx)
            return true
        }
    }

    private static func row(tokenHash: String, user: StaffUser.ID, csrfToken: String, language: String, now: Date, expiresAt: Date) -> WebSessionRow {
        let row = WebSessionRow()
        row.tokenHash = tokenHash
        row.userID = user.rawValue
        row.csrfToken = csrfToken
        row.language = language
        row.createdAt = now
        row.lastSeenAt = now
        row.expiresAt = expiresAt
        return row
    }

    /// The session, while it has neither expired nor been idle since `idleSince`. Hand-written SQL:
    /// it runs on every page request.
    public func session(tokenHash: String, now: Date, idleSince: Date) async throws -> StoredSession? {
        let query: SQLQueryString = "SELECT s.csrf_token, s.language, s.last_seen_at, " + StaffUserColumns.select + """
             FROM web_sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: now) AND s.last_seen_at > \(bind: idleSince)
               AND u.active = \(bind: true)
            """
        guard let row = try await (db as! any SQLDatabase).raw(query).first() else { return nil }
        return StoredSession(user: try StaffUserColumns.decode(row), csrfToken: try row.decode(column: "csrf_token", as: String.self),
                             language: try row.decode(column: "language", as: String.self),
                             lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self))
    }

    public func touch(tokenHash: String, now: Date) async throws {
        try await WebSessionRow.query(on: db).filter(\.$tokenHash == tokenHash).set(\.$lastSeenAt, to: now).update()
    }

    public func setLanguage(_ language: String, tokenHash: String) async throws {
        try await WebSessionRow.query(on: db).filter(\.$tokenHash == tokenHash).set(\.$language, to: language).update()
    }

    public func delete(tokenHash: String) async throws {
        try await WebSessionRow.query(on: db).filter(\.$tokenHash == tokenHash).delete()
    }

    /// Removes sessions that can no longer be used; run at each sign-in, so the table stays small.
    public func deleteExpired(now: Date, idleSince: Date) async throws {
        try await WebSessionRow.query(on: db).group(.or) { $0.filter(\.$expiresAt <= now).filter(\.$lastSeenAt <= idleSince) }.delete()
    }
}
