import Vapor

/// An HTML answer. Pages hold personal data, so the security headers mark them `no-store`.
enum PageResponse {
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    /// After a form is saved, the browser is sent on with a GET, so reloading never posts twice.
    static func seeOther(_ path: String) -> Response {
        Response(status: .seeOther, headers: ["Location": path])
    }
}
