import Foundation
import Synchronization
import Testing
import Vapor

@Suite("Access")
struct AccessTests {
    @Test(arguments: TestDatabase.available)
    func anotherMunicipalitysOrTeamsCaseAnswersNotFound(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let sydby = try await test.client("sydby.caseworker")
            let caseID = try await sydby.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            for username in ["nordby.caseworker", "sydby.other-team"] {
                let outsider = try await test.client(username)
                let read = try await outsider.send(.GET, "/api/v1/cases/\(caseID)")
                #expect(read.status == .notFound, "\(username)")
                #expect(!read.body.string.contains("Testbarn"))
                let write = try await outsider.send(.POST, "/api/v1/cases/\(caseID)/child-conversations", json: ["heldAt": at(hours: -1), "summary": "x"])
                #expect(write.status == .notFound, "\(username)")
                #expect((try await outsider.expect(.ok, .GET, "/api/v1/cases")["items"] as! [Any]).isEmpty)
            }
            // A report from another team reaches the child's open case without showing it.
            let otherTeam = try await test.client("sydby.other-team")
            let joined = try await otherTeam.send(.POST, "/api/v1/reports-of-concern", json: report())
            #expect(joined.status == .created)
            #expect(joined.json["forwarded"] as? Bool == true)
            #expect(joined.json["caseId"] == nil && joined.json["joinedExistingCase"] == nil && joined.json["case"] == nil)
            #expect(!joined.body.string.contains(caseID))
            #expect(!joined.body.string.contains("Testbarn"))
            #expect((try await sydby.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["reports"] as! [Any]).count == 2)
            // Nordby registering the same child opens Nordby's own case.
            let nordby = try await test.client("nordby.caseworker")
            let own = try await nordby.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            #expect(own["caseId"] as? String != caseID)
            #expect(own["joinedExistingCase"] as? Bool == false)
            #expect(own["forwarded"] as? Bool == false)
        }
    }

    /// Cases are shared within a team: a caseworker or team leader without one reaches no case,
    /// finds no child by person number, and has an empty work tray (issue 9: they saw every team's).
    @Test(arguments: TestDatabase.available)
    func staffWithoutATeamReachNoCase(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let sydby = try await test.client("sydby.caseworker")
            let caseID = try await sydby.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let teamless = try await test.client("sydby.no-team")
            #expect(try await teamless.send(.GET, "/api/v1/cases/\(caseID)").status == .notFound)
            #expect((try await teamless.expect(.ok, .GET, "/api/v1/cases")["items"] as! [Any]).isEmpty)
            #expect((try await teamless.expect(.ok, .GET, "/api/v1/worktray")["items"] as! [Any]).isEmpty)
            var page = try await PageClient.signedIn(test, "sydby.no-team")
            let search = try await page.get("/search?q=650514-4854").body.string
            #expect(!search.contains("Testbarn"))
            // The report form finds no known child, and a report is forwarded to the child's case.
            let find = try await page.post("/reports", ["action": "find", "personNumber": "650514-4854"]).body.string
            #expect(!find.contains("Testbarn"))
            let forwarded = try await teamless.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            #expect(forwarded["forwarded"] as? Bool == true && forwarded["caseId"] == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func managersSeeNoCaseContent(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let manager = try await test.client("sydby.manager")
            for path in ["/api/v1/cases", "/api/v1/worktray"] {
                let response = try await manager.send(.GET, path)
                #expect(response.status == .forbidden)
            }
            try await manager.expect(.forbidden, .POST, "/api/v1/reports-of-concern", json: report())
            try await manager.expect(.ok, .GET, "/api/v1/auth/me")
        }
    }

    @Test(arguments: TestDatabase.available)
    func signInIsRequiredAndTokensExpireAndRevoke(database: TestDatabase) async throws {
        let clock = TestClock()
        try await TestApp.run(on: database, now: { clock.now }) { test in
            let wrong = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.caseworker", "password": "wrong"])
            #expect(wrong.status == .unauthorized)
            let unknown = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "nobody", "password": "wrong"])
            #expect(unknown.status == .unauthorized)
            #expect(unknown.json["detail"] as? String == wrong.json["detail"] as? String)
            #expect(try await test.send(.GET, "/api/v1/worktray").status == .unauthorized)
            #expect(try await test.send(.GET, "/api/v1/worktray", token: "forged").status == .unauthorized)

            let worker = try await test.client("sydby.caseworker")
            try await worker.expect(.ok, .GET, "/api/v1/worktray")
            clock.advance(by: 9 * 3600)
            try await worker.expect(.unauthorized, .GET, "/api/v1/worktray")

            let again = try await test.client("sydby.caseworker")
            #expect(try await again.send(.POST, "/api/v1/auth/logout").status == .noContent)
            try await again.expect(.unauthorized, .GET, "/api/v1/worktray")
        }
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(testNow)

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}
