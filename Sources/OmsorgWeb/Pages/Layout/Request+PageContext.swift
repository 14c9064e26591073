import Vapor

extension Request {
    /// What a page needs to know about this request: the signed-in user, if any, the language and
    /// the forms' token.
    var pageContext: PageContext {
        PageContext(texts: Texts(displayLanguage), user: pageSession?.user, csrfToken: csrfToken, path: url.path)
    }
}
