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
        /// An administrator set the password and knows it: the user chooses their own before
        /// they get a session or a token.
        let mustChooseOwnPassword: Bool
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
                ? found.map { Admission(user: $0.user, passwordHash: $0.passwordHash, mustChooseOwnPassword: $0.setByAdministrator) } : nil
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

    /// Signs in with the current password, within the same limit, and replaces it with the user's
    /// own; a wrong or unreadable new one is refused naming `newPassword`, and nothing changes.
    static func chooseOwnPassword(username: String, password: String, newPassword: String, on request: Request) async throws -> Admission {
        let admission = try await attempt(username: username, password: password, on: request)
        try StaffUser.checkOwnPassword(newPassword, replacing: password)
        let hash = try await request.application.passwordHasher.hash(newPassword)
        guard try await request.staff.chooseOwnPassword(admission.user, replacing: admission.passwordHash, with: hash, now: request.now)
        else { throw Refusal.wrongCredentials }
        return Admission(user: admission.user, passwordHash: hash, mustChooseOwnPassword: false)
    }
}
