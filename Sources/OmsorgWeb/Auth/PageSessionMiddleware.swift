import Foundation
import OmsorgStore
import Vapor

/// Finds the page session from its cookie on every page request; a session past its lifetime or
/// idle too long is no session. Before sign-in it gives the request a double-submit CSRF token.
struct PageSessionMiddleware: AsyncMiddleware {
    /// "Last seen" is written at most this often: reading pages is the hot path.
    static let touchInterval: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The stylesheet and script need no session, and a cookie set on an answer that caches may
        // keep would be handed to whoever is served that copy.
        guard !request.url.path.hasPrefix("/assets/") else { return try await next.respond(to: request) }
        let settings = request.application.web
        let now = request.now
        if let token = request.cookies[PageSession.cookieName]?.string, !token.isEmpty {
            let hash = Token.hash(token)
            let sessions = SessionRepository(request.db)
            if let stored = try await sessions.session(tokenHash: hash, now: now, idleSince: now.addingTimeInterval(-settings.sessionIdleTimeout)) {
                request.pageSession = PageSession(user: stored.user, csrfToken: stored.csrfToken,
                                                  language: DisplayLanguage(rawValue: stored.language) ?? .danish, tokenHash: hash)
                if now.timeIntervalSince(stored.lastSeenAt) > Self.touchInterval { try await sessions.touch(tokenHash: hash, now: now) }
            }
        }
        guard request.pageSession == nil else { return try await next.respond(to: request) }
        let existing = request.cookies[PageSession.anonymousCSRFCookie]?.string.nilIfEmpty
        request.anonymousCSRFToken = existing ?? Token.generate()
        let response = try await next.respond(to: request)
        if existing == nil, let token = request.anonymousCSRFToken, response.cookies[PageSession.cookieName] == nil {
            response.cookies[PageSession.anonymousCSRFCookie] = PageSession.cookie(token, request: request, maxAge: 3600, sameSite: .strict)
        }
        return response
    }
}

/// Sends a request without a page session to the sign-in page.
struct RequirePageSession: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.pageSession != nil else { return Response(status: .seeOther, headers: ["Location": "/sign-in"]) }
        return try await next.respond(to: request)
    }
}

/// Refuses a page POST whose `_csrf` field is not the session's token (or, before sign-in, the
/// double-submit cookie's): another site cannot make a signed-in browser change anything.
struct CSRFGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        // The route collects the body only after the middleware: a form the client sent in more
        // than one piece would otherwise read as empty here, and be refused as expired.
        _ = try await request.body.collect(max: request.application.web.maxBodyBytes).get()
        let sent = (try? request.formFields()["_csrf"]) ?? nil ?? ""
        let expected = request.pageSession?.csrfToken ?? request.cookies[PageSession.anonymousCSRFCookie]?.string ?? ""
        guard !expected.isEmpty, Token.constantTimeEqual(sent, expected) else {
            throw FormTokenRefusal()
        }
        return try await next.respond(to: request)
    }
}

/// A form sent without the session's token: the page says the form had expired, which is what a
/// person meets (a form left open past the session), rather than that their role is refused.
struct FormTokenRefusal: AbortError {
    var status: HTTPResponseStatus { .forbidden }
    var reason: String { "The form's security token is missing or wrong." }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
