import OmsorgDomain
import OmsorgStore
import Vapor

/// The administrator's pages for the municipality's staff.
extension PagesController {
    static func registerUsers(_ routes: any RoutesBuilder) {
        routes.get("users", use: users)
        routes.get("users", "new", use: newUserForm)
        routes.post("users", use: createUser)
        routes.get("users", ":userID", "edit", use: userChangeForm)
        routes.post("users", ":userID", use: changeUser)
        routes.post("users", ":userID", "password", use: resetPassword)
    }

    static func users(_ request: Request) async throws -> Response {
        let access = try request.administrationAccess
        let notice = (try? request.query.get(String.self, at: "notice")).flatMap(UsersPage.Notice.init(rawValue:))
        return PageResponse.html(UsersPage.render(request.pageContext, accounts: try await request.staff.accounts(access: access), notice: notice))
    }

    static func newUserForm(_ request: Request) async throws -> Response {
        _ = try request.administrationAccess
        return PageResponse.html(UserPage.renderNew(request.pageContext, form: FormState(values: ["role": Role.caseworker.rawValue])))
    }

    static func createUser(_ request: Request) async throws -> Response {
        let access = try request.administrationAccess
        let context = request.pageContext
        let fields = try request.formFields()
        var form = FormState(values: fields)
        switch UserPage.newUser(from: fields, in: access.municipalityID, texts: context.texts) {
        case .failure(let errors):
            form.messages = errors.messages
            // A taken username is said with the rest, not only once everything else is right.
            let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces)
            if !errors.messages.contains(where: { $0.field == "username" }), !username.isEmpty, try await request.staff.usernameTaken(username) {
                form.messages.insert(FormState.Message(field: "username", text: context.texts("users.username-taken")), at: 0)
            }
        case .success(let (user, password)):
            let hash = try await request.application.passwordHasher.hash(password)
            do {
                _ = try await request.staff.addAccount(user, passwordHash: hash, access: access, now: request.now)
                return PageResponse.seeOther("/users?notice=\(UsersPage.Notice.created.rawValue)")
            } catch StoreError.duplicate {
                form.messages = [FormState.Message(field: "username", text: context.texts("users.username-taken"))]
            }
        }
        return PageResponse.html(UserPage.renderNew(context, form: form), status: .unprocessableEntity)
    }

    static func userChangeForm(_ request: Request) async throws -> Response {
        let access = try request.administrationAccess
        let account = try await request.staff.account(try request.parameter("userID", as: StaffUser.ID.self), access: access)
        return PageResponse.html(UserPage.renderChange(request.pageContext, account: account, form: FormState(values: UserPage.values(of: account)),
                                                       passwordForm: FormState()))
    }

    static func changeUser(_ request: Request) async throws -> Response {
        let access = try request.administrationAccess
        let context = request.pageContext
        let id = try request.parameter("userID", as: StaffUser.ID.self)
        let account = try await request.staff.account(id, access: access)
        let fields = try request.formFields()
        let version = try Request.formVersion(fields)
        var form = FormState(values: fields)
        switch UserPage.change(from: fields, texts: context.texts) {
        case .failure(let errors):
            form.messages = errors.messages
        case .success(let change):
            do {
                _ = try await request.staff.changeAccount(id, to: change, ifVersion: version, access: access, now: request.now)
                return PageResponse.seeOther("/users?notice=\(UsersPage.Notice.changed.rawValue)")
            } catch StoreError.changedSince {
                return try await changedMeanwhile(id, access: access, request)
            } catch let error as CaseFlowError {
                form.messages = [UserPage.message(error, texts: context.texts)]
            }
        }
        return PageResponse.html(UserPage.renderChange(context, account: account, form: form, passwordForm: FormState(), shownVersion: version),
                                 status: .unprocessableEntity)
    }

    static func resetPassword(_ request: Request) async throws -> Response {
        let access = try request.administrationAccess
        let context = request.pageContext
        let id = try request.parameter("userID", as: StaffUser.ID.self)
        let account = try await request.staff.account(id, access: access)
        let fields = try request.formFields()
        let version = try Request.formVersion(fields)
        switch UserPage.password(from: fields, texts: context.texts) {
        case .failure(let errors):
            return PageResponse.html(UserPage.renderChange(context, account: account, form: FormState(values: UserPage.values(of: account)),
                                                           passwordForm: FormState(messages: errors.messages), shownVersion: version),
                                     status: .unprocessableEntity)
        case .success(let password):
            let hash = try await request.application.passwordHasher.hash(password)
            do {
                _ = try await request.staff.resetPassword(of: id, passwordHash: hash, ifVersion: version, access: access, now: request.now)
                return PageResponse.seeOther("/users?notice=\(UsersPage.Notice.passwordReset.rawValue)")
            } catch StoreError.changedSince {
                return try await changedMeanwhile(id, access: access, request)
            }
        }
    }

    /// The user as they are now, for the change to be made again from there.
    private static func changedMeanwhile(_ id: StaffUser.ID, access: Access, _ request: Request) async throws -> Response {
        let account = try await request.staff.account(id, access: access)
        return PageResponse.html(UserPage.renderChange(request.pageContext, account: account, form: FormState(values: UserPage.values(of: account)),
                                                       passwordForm: FormState(), changedMeanwhile: true), status: .conflict)
    }
}

extension Request {
    /// The page user's access for user administration; other roles are refused.
    var administrationAccess: Access {
        get throws {
            let user = try pageUser
            guard user.role == .administrator else { throw Abort(.forbidden) }
            return Access(user, purpose: .administration)
        }
    }
}
