import Vapor

/// The page for a request that cannot be answered: not found (also what another municipality's
/// case looks like), refused, or a failure on our side.
enum ErrorPage {
    static func render(status: HTTPResponseStatus, formExpired: Bool = false, context: PageContext) -> String {
        let texts = context.texts
        let key = switch status.code {
        case 404: "error.not-found"
        case 403 where formExpired: "error.form-expired"
        case 403: "error.forbidden"
        case 429: "error.too-many"
        case 400..<500: "error.bad-request"
        default: "error.failure"
        }
        return PageLayout(context: context, title: texts("\(key).title"), content: Markup.group {
            Markup.element("h1") { Markup.text(texts("\(key).title")) }
            Markup.element("p") { Markup.text(texts("\(key).body")) }
            Markup.element("p") { Markup.element("a", [("href", "/")]) { Markup.text(texts("error.back")) } }
        }).render()
    }
}
