import Vapor

/// The same protective headers on every answer, the API's and the errors included: no script but
/// our own file, no framing, no guessing of content types, and nothing with personal data kept in
/// a cache. Only the stylesheet and script may be cached.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [("Content-Security-Policy", Self.contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
                       ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY")]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if !request.url.path.hasPrefix("/assets/") { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }
}
