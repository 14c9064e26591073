import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

/// Checks a username and password, for the sign-in page and `POST /api/v1/auth/login` alike, with
/// one limit on failures per username and per client address, counted in the database so every
/// server sees the same count. A locked username or address costs no bcrypt work, so a flood of
/// guesses is cheap to refuse. Parallel guesses that pass the check together may each be counted:
/// the limit can be overrun by as many requests as arrive within one bcrypt verification.
enum SignIn {
    enum Refusal: Error, Sendable {
        case wrongCredentials
        case tooManyFailures(retryAfter: Int)
    }

    static func attempt(username: String, password: String, on request: Request) async throws -> StaffUser {
        let settings = request.application.web
        let now = request.now
        let keys = ["user:" + username.lowercased(), "address:" + (request.remoteAddress?.ipAddress ?? "unknown")]
        let sessions = SessionRepository(request.db)
        let since = now.addingTimeInterval(-settings.loginLockout)
        let failures = try await sessions.failures(keys: keys, since: since)
        let lockedUntil = failures.values.compactMap { times -> Date? in
            times.count >= settings.loginFailureLimit ? times[settings.loginFailureLimit - 1].addingTimeInterval(settings.loginLockout) : nil
        }.max()
        if let lockedUntil, lockedUntil > now {
            throw Refusal.tooManyFailures(retryAfter: Int(lockedUntil.timeIntervalSince(now).rounded(.up)))
        }
        let found = try await request.staff.credentials(username: username)
        // An unknown username is checked against a dummy hash, so the time taken does not tell it apart.
        let matches = try await request.application.passwordHasher.verify(password, created: found?.passwordHash ?? dummyHash)
        guard matches, let user = found?.user else {
            try await sessions.recordFailure(keys: keys, now: now)
            throw Refusal.wrongCredentials
        }
        try await sessions.clearFailures(key: keys[0], pruningBefore: since)
        return user
    }

    private static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuYdGlW1VYHNB5d0IU6AYdgFJ1y0c3QQe"
}
