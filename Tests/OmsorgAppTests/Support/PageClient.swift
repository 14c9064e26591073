import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser without JavaScript, for the page tests: it keeps cookies, and sends each form with the
/// CSRF token of the page it came from.
struct PageClient {
    let test: TestApp
    private(set) var cookies: [String: String] = [:]
    /// The `_csrf` value of the last page that had a form.
    private(set) var csrf = ""

    init(_ test: TestApp) { self.test = test }

    /// The same browser, its cookies and all, sending to another server.
    init(_ test: TestApp, continuing other: PageClient) {
        self.test = test
        cookies = other.cookies
        csrf = other.csrf
    }

    /// Signs in through the sign-in form.
    static func signedIn(_ test: TestApp, _ username: String, password: String = TestApp.password,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> PageClient {
        var client = PageClient(test)
        try await client.get("/sign-in")
        let response = try await client.post("/sign-in", ["username": username, "password": password])
        #expect(response.status == .seeOther, "sign-in of \(username): \(response.body.string.prefix(300))", sourceLocation: sourceLocation)
        return client
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; the page's CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    mutating func post(_ path: String, _ fields: [String: String], csrf: String?? = .none) async throws -> TestingHTTPResponse {
        var fields = fields
        switch csrf {
        case .none: fields["_csrf"] = self.csrf
        case .some(let token?): fields["_csrf"] = token
        case .some(nil): break
        }
        return try await send(.POST, path, body: Self.encode(fields))
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { headers.contentType = .urlEncodedForm }
        var result: TestingHTTPResponse?
        try await test.app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { result = $0 }
        let response = result!
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.lowercased().contains("max-age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        if let token = Self.firstMatch(#"name="_csrf" value="([^"]*)""#, in: response.body.string) { csrf = token }
        return response
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }
}
