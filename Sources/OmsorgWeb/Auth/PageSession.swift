import Crypto
import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

/// The signed-in member of staff of a page request, found from the session cookie.
struct PageSession: Sendable {
    let user: StaffUser
    let csrfToken: String
    let language: DisplayLanguage
    let tokenHash: String

    static let cookieName = "omsorg_session"
    /// The double-submit token of forms shown before sign-in (the sign-in form, the language switch).
    static let anonymousCSRFCookie = "omsorg_csrf"
    /// The language chosen before sign-in, carried into the session.
    static let languageCookie = "omsorg_language"

    /// Starts a session for `user` and sets its cookie on `response`. The cookie's token is new at
    /// every sign-in, so a token planted before sign-in is worth nothing after it.
    /// Throws `SignIn.Refusal.wrongCredentials` when the password changed, or the user was
    /// deactivated, while the sign-in was under way.
    static func start(for admission: SignIn.Admission, language: DisplayLanguage, on request: Request, response: Response) async throws {
        let token = Token.generate()
        let now = request.now
        let settings = request.application.web
        let sessions = SessionRepository(request.db)
        try await sessions.deleteExpired(now: now, idleSince: now.addingTimeInterval(-settings.sessionIdleTimeout))
        guard try await sessions.create(tokenHash: Token.hash(token), user: admission.user.id, csrfToken: Token.generate(), language: language.rawValue,
                                        now: now, expiresAt: now.addingTimeInterval(settings.sessionLifetime), ifPasswordHash: admission.passwordHash)
        else { throw SignIn.Refusal.wrongCredentials }
        response.cookies[cookieName] = cookie(token, request: request, maxAge: Int(settings.sessionLifetime), sameSite: .lax)
    }

    /// Ends the session on the server, so its cookie signs nobody in again, and clears the cookie.
    static func end(on request: Request, response: Response) async throws {
        if let session = request.pageSession { try await SessionRepository(request.db).delete(tokenHash: session.tokenHash) }
        response.cookies[cookieName] = cookie("", request: request, maxAge: 0, sameSite: .lax)
    }

    static func cookie(_ value: String, request: Request, maxAge: Int, sameSite: HTTPCookies.SameSitePolicy) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: request.cameOverTLS, isHTTPOnly: true, sameSite: sameSite)
    }
}

extension Request {
    private struct PageSessionKey: StorageKey {
        typealias Value = PageSession
    }

    private struct AnonymousCSRFKey: StorageKey {
        typealias Value = String
    }

    /// The page session, when the session cookie names a live one.
    var pageSession: PageSession? {
        get { storage[PageSessionKey.self] }
        set { storage[PageSessionKey.self] = newValue }
    }

    /// The token the forms of a page carry: the session's, or before sign-in the double-submit cookie's.
    var csrfToken: String { pageSession?.csrfToken ?? anonymousCSRFToken ?? "" }

    var anonymousCSRFToken: String? {
        get { storage[AnonymousCSRFKey.self] }
        set { storage[AnonymousCSRFKey.self] = newValue }
    }

    /// The page language: the session's, or before sign-in the one chosen with the switch.
    var displayLanguage: DisplayLanguage {
        pageSession?.language ?? cookies[PageSession.languageCookie].flatMap { DisplayLanguage(rawValue: $0.string) } ?? .danish
    }

    /// Over TLS, directly or through a proxy that terminated it: only then is a cookie marked Secure.
    var cameOverTLS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
