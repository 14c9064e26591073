import FluentKit
import Foundation

/// The sign-in attempts under one key (a username or a client address) within the window.
public struct SignInAttempts: Sendable, Equatable {
    /// When each failed, newest first.
    public var failedAt: [Date] = []
    /// Attempts whose password is being checked now.
    public var pending = 0
}

extension SessionRepository {
    /// The attempts under each key since `since`; a key without any is left out.
    public func signInAttempts(keys: [String], since: Date) async throws -> [String: SignInAttempts] {
        let rows = try await SignInFailureRow.query(on: db)
            .filter(\.$key ~~ keys)
            .filter(\.$failedAt > since)
            .sort(\.$failedAt, .descending)
            .all()
        return rows.reduce(into: [:]) { attempts, row in
            if row.pending { attempts[row.key, default: .init()].pending += 1 } else { attempts[row.key, default: .init()].failedAt.append(row.failedAt) }
        }
    }

    /// Records an attempt under each key before its password is checked, so that attempts made at
    /// the same moment see each other. Returns its rows, for `confirmFailure` or `withdrawAttempt`.
    public func recordPendingAttempt(keys: [String], now: Date) async throws -> [UUID] {
        let rows = keys.map { key in
            let row = SignInFailureRow()
            row.id = UUID()
            row.key = key
            row.failedAt = now
            row.pending = true
            return row
        }
        try await rows.create(on: db)
        return rows.compactMap(\.id)
    }

    /// The password was wrong: the attempt counts as a failure from now on.
    public func confirmFailure(_ attempt: [UUID]) async throws {
        try await SignInFailureRow.query(on: db).filter(\.$id ~~ attempt).set(\.$pending, to: false).update()
    }

    /// The attempt was refused before its password was checked, or the check itself failed.
    public func withdrawAttempt(_ attempt: [UUID]) async throws {
        try await SignInFailureRow.query(on: db).filter(\.$id ~~ attempt).delete()
    }

    /// A successful sign-in: forgets its attempt and the failures under `key`, and prunes every row
    /// older than `pruningBefore`, so the table stays small without a job to clean it.
    public func clearFailures(key: String, attempt: [UUID], pruningBefore before: Date) async throws {
        try await SignInFailureRow.query(on: db)
            .group(.or) { $0.filter(\.$key == key).filter(\.$id ~~ attempt).filter(\.$failedAt <= before) }
            .delete()
    }
}
