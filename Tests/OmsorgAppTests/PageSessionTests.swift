import Foundation
import Testing
import Vapor
import VaporTesting

/// The page session's edges: the sign-in form's own token, the assets, and a form sent after the
/// session ended.
@Suite("Page sessions")
struct PageSessionTests {
    @Test func theSignInFormHasADoubleSubmitCookieAndTheAssetsSetNone() async throws {
        try await TestApp.run(on: .sqlite) { test in
            var page = PageClient(test)
            let form = try await page.get("/sign-in")
            let cookie = try #require(form.headers[.setCookie].first { $0.hasPrefix("omsorg_csrf=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.hasPrefix("omsorg_csrf=\(page.csrf);"))
            #expect(try await page.post("/sign-in", ["username": "sydby.caseworker", "password": TestApp.password], csrf: "forged").status
                    == .forbidden)
            var fresh = PageClient(test)
            let stylesheet = try await fresh.get("/assets/omsorg.css")
            #expect(stylesheet.status == .ok)
            #expect(stylesheet.headers[.setCookie].isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFormSentAfterTheSessionEndedGoesToSignInAndChangesNothing(database: TestDatabase) async throws {
        let clock = TestClock()
        try await TestApp.run(on: database, now: { clock.now }) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            try await page.get("/reports/new")
            clock.advance(by: 31 * 60)
            let sent = try await page.post("/reports", ["personNumber": "650514-4854", "childName": "Testbarn", "notifierKind": "anonymous",
                                                        "description": "x", "receivedAt-date": "03-06-2024", "receivedAt-time": "08:00"])
            #expect(sent.status == .seeOther)
            #expect(sent.headers.first(name: .location) == "/sign-in")
            let api = try await test.client("sydby.caseworker")
            #expect((try await api.expect(.ok, .GET, "/api/v1/cases")["items"] as! [Any]).isEmpty)
        }
    }
}
