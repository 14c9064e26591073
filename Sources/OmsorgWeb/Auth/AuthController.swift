import OmsorgDomain
import Vapor

enum AuthController {
    struct LoginRequest: RequestBody {
        let username: String
        let password: String
    }

    struct LoginResponse: Encodable {
        let token: String
        let expiresAt: Date
        let user: UserDTO
    }

    struct UserDTO: Encodable {
        let id: StaffUser.ID
        let username: String
        let displayName: String
        let role: Role
        let team: String?
        let municipalityId: Municipality.ID

        init(_ user: StaffUser) {
            id = user.id
            username = user.username
            displayName = user.displayName
            role = user.role
            team = user.team
            municipalityId = user.municipalityID
        }
    }

    static func login(_ request: Request) async throws -> Response {
        let body = try request.decode(LoginRequest.self)
        let admission = try await answeringRefusals { try await SignIn.attempt(username: body.username, password: body.password, on: request) }
        if admission.mustChooseOwnPassword {
            throw Problem.forbidden("An administrator set this password: choose your own first, with POST /api/v1/auth/password {username, password, newPassword}.")
        }
        let token = Token.generate()
        let expiresAt = request.now.addingTimeInterval(request.application.web.sessionLifetime)
        guard try await request.staff.storeToken(hash: Token.hash(token), for: admission.user.id, expiresAt: expiresAt,
                                                 ifPasswordHash: admission.passwordHash)
        else { throw Problem.unauthorized("Unknown username or wrong password.") }
        return try JSON.response(LoginResponse(token: token, expiresAt: expiresAt, user: UserDTO(admission.user)))
    }

    struct OwnPasswordRequest: RequestBody {
        let username: String
        let password: String
        let newPassword: String
    }

    /// Replaces the password (one an administrator set, or the user's own) with a new one of the
    /// user's choosing; then `login` signs in with it.
    static func chooseOwnPassword(_ request: Request) async throws -> Response {
        let body = try request.decode(OwnPasswordRequest.self)
        _ = try await answeringRefusals {
            try await SignIn.chooseOwnPassword(username: body.username, password: body.password, newPassword: body.newPassword, on: request)
        }
        return Response(status: .noContent)
    }

    /// A sign-in's refusal as the API answers it, for the login and the password change alike.
    private static func answeringRefusals<T>(_ attempt: () async throws -> T) async throws -> T {
        do {
            return try await attempt()
        } catch SignIn.Refusal.wrongCredentials {
            throw Problem.unauthorized("Unknown username or wrong password.")
        } catch SignIn.Refusal.tooManyFailures(let seconds) {
            throw Problem(.tooManyRequests, "Too many failed sign-ins; try again in \(seconds) seconds.", retryAfter: seconds)
        }
    }

    static func logout(_ request: Request) async throws -> Response {
        try await request.staff.deleteToken(hash: try request.signedIn.tokenHash)
        return Response(status: .noContent)
    }

    static func me(_ request: Request) async throws -> Response {
        try JSON.response(UserDTO(try request.signedIn.user))
    }
}
