import OmsorgDomain
import Vapor

/// The member of staff a request is made by.
struct SignedIn: Authenticatable {
    let user: StaffUser
    let tokenHash: String

    var scope: AccessScope { AccessScope(user) }

    /// The user's access for `purpose`, which the store records with every read and write.
    func access(for purpose: Access.Purpose = .casework) -> Access { Access(user, purpose: purpose) }
}

/// Accepts `Authorization: Bearer <token>` for a token issued by login and not yet expired.
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = Token.hash(bearer.token)
        if let user = try await request.staff.user(tokenHash: hash, now: request.now) {
            request.auth.login(SignedIn(user: user, tokenHash: hash))
        }
    }
}

/// Lets through only signed-in staff whose role may use the routes behind it.
struct RoleGuard: AsyncMiddleware {
    let allows: @Sendable (Role) -> Bool
    let purpose: String

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let signedIn = request.auth.get(SignedIn.self) else {
            throw Problem.unauthorized("Sign in first: send 'Authorization: Bearer <token>' from POST /api/v1/auth/login.")
        }
        guard allows(signedIn.user.role) else {
            throw Problem.forbidden("Your role (\(signedIn.user.role.rawValue)) does not give access to \(purpose).")
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The signed-in user; the routes that call this sit behind `RoleGuard`.
    var signedIn: SignedIn {
        get throws {
            guard let signedIn = auth.get(SignedIn.self) else { throw Problem.unauthorized("Sign in first.") }
            return signedIn
        }
    }
}

enum Token {
    static func generate() -> String {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two tokens in time that depends only on their length, not on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
