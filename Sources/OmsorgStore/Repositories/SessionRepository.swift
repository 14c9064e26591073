import FluentKit
import Foundation
import OmsorgDomain

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

    public func create(tokenHash: String, user: StaffUser.ID, csrfToken: String, language: String, now: Date,
                       expiresAt: Date) async throws {
        let row = WebSessionRow()
        row.tokenHash = tokenHash
        row.userID = user.rawValue
        row.csrfToken = csrfToken
        row.language = language
        row.createdAt = now
        row.lastSeenAt = now
        row.expiresAt = expiresAt
        try await row.create(on: db)
    }

    /// The session, while it has neither expired nor been idle since `idleSince`.
    public func session(tokenHash: String, now: Date, idleSince: Date) async throws -> StoredSession? {
        guard let row = try await WebSessionRow.query(on: db)
            .join(UserRow.self, on: \WebSessionRow.$userID == \UserRow.$id)
            .filter(\.$tokenHash == tokenHash)
            .filter(\.$expiresAt > now)
            .filter(\.$lastSeenAt > idleSince)
            .first()
        else { return nil }
        return StoredSession(user: StaffUser(try row.joined(UserRow.self)), csrfToken: row.csrfToken, language: row.language,
                             lastSeenAt: row.lastSeenAt)
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
