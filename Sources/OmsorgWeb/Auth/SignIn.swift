import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

/// Checks a username and password, for the sign-in page and `POST /api/v1/auth/login` alike,
/// within one limit on failures per username and per client address (`SignInLimit`).
enum SignIn {
    enum Refusal: Error, Sendable {
        case wrongCredentials
        case tooManyFailures(retryAfter: Int)
    }

    /// A signed-in user and the password hash their password was checked against: the token or
    /// session is stored only while the user still has it (`StaffRepository.storeToken`).
    struct Admission: Sendable {
        let user: StaffUser
        let passwordHash: String
    }

    static func attempt(username: String, password: String, on request: Request) async throws -> Admission {
        // No username holds a control character, and PostgreSQL refuses a NUL outright: such a
        // username is unknown without asking the database, and is not written into the counts.
        let readable = PlainText.forbiddenCharacter(in: username) == nil
        let limit = SignInLimit(username: readable ? username : "", on: request)
        let attempt = try await limit.admit()
        let admission: Admission?
        do {
            let found = readable ? try await request.staff.credentials(username: username) : nil
            let hasher = request.application.passwordHasher
            // An unknown username is checked against a dummy hash, so the time taken does not tell it apart.
            admission = try await hasher.verify(password, created: found?.passwordHash ?? hasher.dummyHash)
                ? found.map { Admission(user: $0.user, passwordHash: $0.passwordHash) } : nil
        } catch {
            try? await limit.withdraw(attempt)
            throw error
        }
        guard let admission else {
            try await limit.fail(attempt)
            throw Refusal.wrongCredentials
        }
        try await limit.succeed(attempt)
        return admission
    }
}
