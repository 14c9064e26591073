import OmsorgDomain
import OmsorgStore
import Vapor

extension PagesController {
    static func signInPage(_ request: Request) async throws -> Response {
        if request.pageSession != nil { return PageResponse.seeOther("/") }
        return PageResponse.html(SignInPage.render(request.pageContext))
    }

    /// Signs in and starts a page session; a refusal shows the form again with the username kept.
    static func signIn(_ request: Request) async throws -> Response {
        let fields = try request.formFields()
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let texts = request.pageContext.texts
        let form = FormState(values: ["username": username], messages: [])
        do {
            let admission = try await SignIn.attempt(username: username, password: fields["password"] ?? "", on: request)
            if admission.mustChooseOwnPassword {
                return PageResponse.html(SignInPage.renderChooseOwnPassword(request.pageContext, state: form))
            }
            let response = PageResponse.seeOther("/")
            try await PageSession.start(for: admission, language: request.displayLanguage, on: request, response: response)
            return response
        } catch SignIn.Refusal.wrongCredentials {
            let refused = FormState(values: form.values, messages: [.init(field: "username", text: texts("error.sign-in"))])
            return PageResponse.html(SignInPage.render(request.pageContext, state: refused), status: .unauthorized)
        } catch SignIn.Refusal.tooManyFailures(let seconds) {
            let minutes = String(max(1, (seconds + 59) / 60))
            let refused = FormState(values: form.values, messages: [.init(field: "username", text: texts("error.too-many-sign-ins", ["minutes": minutes]))])
            let response = PageResponse.html(SignInPage.render(request.pageContext, state: refused), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: String(seconds))
            return response
        }
    }

    /// Replaces a password an administrator set with the user's own, and signs in with it.
    static func chooseOwnPassword(_ request: Request) async throws -> Response {
        let fields = try request.formFields()
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let texts = request.pageContext.texts
        let refused = { (field: String, text: String, status: HTTPResponseStatus) in
            PageResponse.html(SignInPage.renderChooseOwnPassword(request.pageContext, state: FormState(values: ["username": username],
                                                                                                         messages: [.init(field: field, text: text)])),
                              status: status)
        }
        // Typed twice, as no one sees it: a slip would otherwise lock the user out until an administrator resets it.
        guard fields["newPassword"] == fields["newPasswordAgain"] else { return refused("newPasswordAgain", texts("error.passwords-differ"), .unprocessableEntity) }
        do {
            let admission = try await SignIn.chooseOwnPassword(username: username, password: fields["password"] ?? "",
                                                               newPassword: fields["newPassword"] ?? "", on: request)
            let response = PageResponse.seeOther("/")
            try await PageSession.start(for: admission, language: request.displayLanguage, on: request, response: response)
            return response
        } catch SignIn.Refusal.wrongCredentials {
            return refused("password", texts("error.sign-in"), .unauthorized)
        } catch SignIn.Refusal.tooManyFailures(let seconds) {
            let response = refused("username", texts("error.too-many-sign-ins", ["minutes": String(max(1, (seconds + 59) / 60))]), .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: String(seconds))
            return response
        } catch let error as CaseFlowError {
            return refused("newPassword", texts.refusal(error), .unprocessableEntity)
        }
    }

    /// A path on this server to go back to, never another host: browsers read `//host`, `/\host`
    /// and such with a tab or line break in them as another site.
    static func ownPath(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.dropFirst().hasPrefix("/"),
              !path.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control })
        else { return nil }
        return path
    }

    static func signOut(_ request: Request) async throws -> Response {
        let response = PageResponse.seeOther("/sign-in")
        try await PageSession.end(on: request, response: response)
        return response
    }

    /// Switches the language, in the session when signed in, else in a cookie the sign-in carries
    /// over, and goes back to the page the switch was pressed on.
    static func switchLanguage(_ request: Request) async throws -> Response {
        let fields = try request.formFields()
        guard let language = fields["language"].flatMap(DisplayLanguage.init(rawValue:)) else { throw Abort(.badRequest) }
        let back = fields["returnTo"].flatMap(Self.ownPath) ?? "/"
        let response = PageResponse.seeOther(back)
        if let session = request.pageSession {
            try await SessionRepository(request.db).setLanguage(language.rawValue, tokenHash: session.tokenHash)
        } else {
            response.cookies[PageSession.languageCookie] = PageSession.cookie(language.rawValue, request: request, maxAge: 365 * 86400, sameSite: .lax)
        }
        return response
    }
}
