import Foundation
import Testing
import Vapor
import VaporTesting

/// Page sessions, the sign-in limit and the headers every answer carries.
@Suite("Sessions")
struct SessionTests {
    @Test func theSessionCookieIsHttpOnlySameSiteAndSecureBehindTLS() async throws {
        try await TestApp.run(on: .sqlite) { test in
            var page = PageClient(test)
            try await page.get("/sign-in")
            let fields = ["username": "sydby.caseworker", "password": TestApp.password, "_csrf": page.csrf]
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: page.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            var plain: TestingHTTPResponse?
            try await test.app.testing().test(.POST, "/sign-in", headers: headers, body: ByteBuffer(string: PageClient.encode(fields))) { plain = $0 }
            let cookie = try #require(plain?.headers[.setCookie].first { $0.hasPrefix("omsorg_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            headers.add(name: "X-Forwarded-Proto", value: "https")
            var tls: TestingHTTPResponse?
            try await test.app.testing().test(.POST, "/sign-in", headers: headers, body: ByteBuffer(string: PageClient.encode(fields))) { tls = $0 }
            #expect(tls?.headers[.setCookie].first { $0.hasPrefix("omsorg_session=") }?.contains("Secure") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aSessionEndsAfterEightHoursAfterThirtyIdleMinutesAndAtSignOut(database: TestDatabase) async throws {
        let clock = TestClock()
        try await TestApp.run(on: database, now: { clock.now }) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            for _ in 0..<16 {
                clock.advance(by: 29 * 60)
                #expect(try await page.get("/worktray").status == .ok)
            }
            clock.advance(by: 29 * 60) // 8 h 13 min after sign-in, though never idle for 30 minutes
            #expect(try await page.get("/worktray").status == .seeOther)

            var idle = try await PageClient.signedIn(test, "sydby.caseworker")
            clock.advance(by: 31 * 60)
            #expect(try await idle.get("/worktray").status == .seeOther)

            var leaving = try await PageClient.signedIn(test, "sydby.caseworker")
            try await leaving.get("/worktray")
            let stolen = leaving
            #expect(try await leaving.post("/sign-out", [:]).status == .seeOther)
            var replay = stolen
            #expect(try await replay.get("/worktray").status == .seeOther, "the old cookie signs nobody in after sign-out")
        }
    }

    @Test(arguments: TestDatabase.available)
    func fiveFailuresLockTheUsernameAndTheAddressForPageAndAPIAlike(database: TestDatabase) async throws {
        let clock = TestClock()
        try await TestApp.run(on: database, now: { clock.now }) { test in
            var page = PageClient(test)
            try await page.get("/sign-in")
            for _ in 0..<3 {
                #expect(try await page.post("/sign-in", ["username": "sydby.caseworker", "password": "wrong"]).status == .unauthorized)
            }
            for _ in 0..<2 {
                let api = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.caseworker", "password": "wrong"])
                #expect(api.status == .unauthorized)
            }
            let locked = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.caseworker", "password": TestApp.password])
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            #expect(locked.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let lockedPage = try await page.post("/sign-in", ["username": "sydby.caseworker", "password": TestApp.password])
            #expect(lockedPage.status == .tooManyRequests)
            #expect(lockedPage.headers.first(name: "Retry-After") != nil)
            // The address is locked too: another username from it is refused without a check.
            #expect(try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.caseworker2", "password": TestApp.password]).status
                    == .tooManyRequests)
            clock.advance(by: 16 * 60)
            #expect(try await page.post("/sign-in", ["username": "sydby.caseworker", "password": TestApp.password]).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoServersOnOneDatabaseShareTheSessionAndTheFailures(database: TestDatabase) async throws {
        try await TestApp.run(on: database, servers: 2) { servers in
            var onFirst = try await PageClient.signedIn(servers[0], "sydby.caseworker")
            try await onFirst.get("/worktray")
            var onSecond = PageClient(servers[1], continuing: onFirst)
            let tray = try await onSecond.get("/worktray")
            #expect(tray.status == .ok)
            #expect(tray.body.string.contains("Min arbejdsbakke"))
            #expect(try await onSecond.post("/language", ["language": "en", "returnTo": "/worktray"]).status == .seeOther)
            #expect(try await onFirst.get("/worktray").body.string.contains("My work tray"))
            for index in 0..<5 {
                let server = servers[index % 2]
                #expect(try await server.send(.POST, "/api/v1/auth/login", json: ["username": "nordby.caseworker", "password": "wrong"]).status
                        == .unauthorized)
            }
            #expect(try await servers[0].send(.POST, "/api/v1/auth/login", json: ["username": "nordby.caseworker", "password": "wrong"]).status
                    == .tooManyRequests)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await TestApp.run(on: .sqlite) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            let answers = [try await page.get("/worktray"), try await page.get("/no-such-page"), try await test.send(.GET, "/api/v1/worktray"),
                           try await test.send(.GET, "/api/v1/openapi.json"), try await test.send(.GET, "/health")]
            for answer in answers {
                let csp = answer.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(answer.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(answer.headers.first(name: "Referrer-Policy") != nil)
                #expect(answer.headers.first(name: .cacheControl) == "no-store")
            }
            #expect(answers[1].status == .notFound)
            #expect(answers[1].body.string.contains("Siden findes ikke"))
            let stylesheet = try await page.get("/assets/omsorg.css")
            #expect(stylesheet.status == .ok)
            #expect(stylesheet.headers.first(name: .cacheControl)?.contains("max-age") == true)
        }
    }
}
