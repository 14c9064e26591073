import OmsorgDomain
import OmsorgStore
import Vapor

/// `/api/v1/users`: administrators set up their municipality's staff. Each answer carries the
/// user's version as `ETag`; a change names it in `If-Match` to be sure it changes what it saw.
enum UsersController {
    static func register(_ routes: any RoutesBuilder) {
        let users = routes.grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.get(":userID", use: show)
        users.put(":userID", use: change)
        users.put(":userID", "password", use: resetPassword)
    }

    struct AccountDTO: Encodable {
        let id: StaffUser.ID
        let username: String
        let displayName: String
        let role: Role
        let team: String?
        let active: Bool
        let version: Int

        init(_ account: StaffAccount) {
            id = account.user.id
            username = account.user.username
            displayName = account.user.displayName
            role = account.user.role
            team = account.user.team
            active = account.isActive
            version = account.version
        }
    }

    struct AccountListDTO: Encodable {
        let items: [AccountDTO]
    }

    struct NewUserBody: RequestBody {
        static let choices = ["role": Role.allCases.map(\.rawValue)]

        let username: String
        let displayName: String
        let role: Role
        let team: String?
        let password: String
    }

    struct ChangeBody: RequestBody {
        static let choices = ["role": Role.allCases.map(\.rawValue)]

        let displayName: String
        let role: Role
        let team: String?
        let active: Bool
    }

    struct PasswordBody: RequestBody {
        let password: String
    }

    static func list(_ request: Request) async throws -> Response {
        let accounts = try await request.staff.accounts(access: try request.signedIn.access(for: .administration))
        return try JSON.response(AccountListDTO(items: accounts.map(AccountDTO.init)))
    }

    static func show(_ request: Request) async throws -> Response {
        let id = try request.parameter("userID", as: StaffUser.ID.self)
        return try answer(try await request.staff.account(id, access: try request.signedIn.access(for: .administration)))
    }

    static func create(_ request: Request) async throws -> Response {
        let body = try request.decode(NewUserBody.self)
        let signedIn = try request.signedIn
        let user = try StaffUser(municipalityID: signedIn.user.municipalityID, username: body.username, displayName: body.displayName,
                                 role: body.role, team: body.team).checked()
        try StaffUser.checkPassword(body.password)
        let hash = try await request.application.passwordHasher.hash(body.password)
        let account = try await request.staff.addAccount(user, passwordHash: hash, access: signedIn.access(for: .administration), now: request.now)
        return try answer(account, status: .created)
    }

    static func change(_ request: Request) async throws -> Response {
        let id = try request.parameter("userID", as: StaffUser.ID.self)
        let body = try request.decode(ChangeBody.self)
        let version = try request.ifMatchVersion
        let change = StaffAccount.Change(displayName: body.displayName, role: body.role, team: body.team, isActive: body.active)
        let account = try await request.staff.changeAccount(id, to: change, ifVersion: version,
                                                            access: try request.signedIn.access(for: .administration), now: request.now)
        return try answer(account)
    }

    /// Sets the password an administrator hands to the user, e.g. after a forgotten one. The user's
    /// sessions end: whoever held them must sign in with the new password.
    static func resetPassword(_ request: Request) async throws -> Response {
        let id = try request.parameter("userID", as: StaffUser.ID.self)
        let body = try request.decode(PasswordBody.self)
        let version = try request.ifMatchVersion
        try StaffUser.checkPassword(body.password)
        let access = try request.signedIn.access(for: .administration)
        // Found first, so that another municipality's user is not found before any hashing is done.
        _ = try await request.staff.account(id, access: access)
        let hash = try await request.application.passwordHasher.hash(body.password)
        return try answer(try await request.staff.resetPassword(of: id, passwordHash: hash, ifVersion: version, access: access, now: request.now))
    }

    private static func answer(_ account: StaffAccount, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = try JSON.response(AccountDTO(account), status: status)
        response.headers.setVersion(account.version)
        return response
    }
}
