import Foundation
@testable import OmsorgStore
import Testing
import Vapor

/// Who has looked at a child: the child's caseworkers, their team leader and the municipality's
/// administrators may see it; nobody else learns even that the child exists.
@Suite("Access log")
struct AccessLogTests {
    /// The log lists the same entries before the per-child index has filed them, after, and with
    /// some filed and some not: the index only makes it quick.
    @Test(arguments: TestDatabase.available)
    func theLogIsCompleteWhetherOrNotTheIndexHasCaughtUp(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            var childID = ""
            for index in 0..<3 {
                let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: ConcurrencyTests.personNumber(index)))
                childID = ((created["case"] as! [String: Any])["child"] as! [String: Any])["id"] as! String
            }
            try await worker.expect(.ok, .GET, "/api/v1/worktray")
            let path = "/api/v1/children/\(childID)/access-log"
            let actions = { (log: [String: Any]) in (log["entries"] as! [[String: Any]]).map { $0["action"] as! String } }

            let unfiled = actions(try await worker.expect(.ok, .GET, path))
            // A review lists what came before it; the next one lists it too.
            #expect(unfiled == ["read-worktray", "receive-report"])
            try await AuditIndex.catchUp(on: test.app.db)
            try await worker.expect(.ok, .GET, "/api/v1/worktray")
            let partly = actions(try await worker.expect(.ok, .GET, path))
            #expect(partly == ["read-worktray", "read-access-log"] + unfiled)
            try await AuditIndex.catchUp(on: test.app.db)
            let filed = try await worker.expect(.ok, .GET, path)
            #expect(actions(filed) == ["read-access-log"] + partly)
            #expect(filed["total"] as? Int == 5)
            #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theChildsTeamAndAdministratorsSeeWhoLookedAndOthersDoNot(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String
            let childID = ((created["case"] as! [String: Any])["child"] as! [String: Any])["id"] as! String
            let colleague = try await test.client("sydby.caseworker2")
            try await colleague.expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            let path = "/api/v1/children/\(childID)/access-log"

            let log = try await worker.expect(.ok, .GET, path)
            #expect(log["total"] as? Int == 2)
            let entries = log["entries"] as! [[String: Any]]
            #expect(entries.map { $0["action"] as? String } == ["read-case", "receive-report"])
            #expect(entries.map { $0["actor"] as? String } == ["caseworker2", "caseworker"])
            #expect(entries.allSatisfy { $0["purpose"] as? String == "casework" && $0["role"] as? String == "caseworker" })

            try await (try await test.client("sydby.leader")).expect(.ok, .GET, path)
            let admin = try await (try await test.client("sydby.admin")).expect(.ok, .GET, path)
            // Each review is itself in the log: the worker's, the leader's, and now the administrator's is counted.
            #expect(admin["total"] as? Int == 4)

            for (username, status) in [("sydby.other-team", HTTPResponseStatus.notFound), ("nordby.caseworker", .notFound),
                                       ("nordby.admin", .notFound), ("sydby.manager", .forbidden)] {
                #expect(try await (try await test.client(username)).send(.GET, path).status == status, "\(username)")
            }
            #expect(try await worker.send(.GET, "/api/v1/children/\(UUID().uuidString)/access-log").status == .notFound)
            // Nothing changes the log through the API.
            for method in [HTTPMethod.POST, .PUT, .DELETE] {
                #expect(try await worker.send(method, path, json: [:]).status == .notFound, "\(method)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theCasePageLinksToTheChildsAccessLog(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String
            let childID = ((created["case"] as! [String: Any])["child"] as! [String: Any])["id"] as! String
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            let casePage = try await page.get("/cases/\(caseID)").body.string
            #expect(casePage.contains("href=\"/children/\(childID.lowercased())/access-log\""))
            let logPage = try await page.get("/children/\(childID)/access-log")
            #expect(logPage.status == .ok)
            let html = logPage.body.string
            #expect(html.contains("Hvem har set oplysninger om Testbarn Demo"))
            #expect(html.contains("Læste sagen") && html.contains("Modtog en underretning") && html.contains("Sagsbehandling"))
            var outsider = try await PageClient.signedIn(test, "sydby.other-team")
            #expect(try await outsider.get("/children/\(childID)/access-log").status == .notFound)
        }
    }
}
