import Foundation
import Testing
import Vapor

/// An assignment names the version it changes: one sent from an old view is refused with 412 and
/// changes nothing, in the API and on the work tray alike, and of simultaneous ones only one wins.
@Suite("Assignment versions")
struct AssignmentVersionTests {
    @Test(arguments: TestDatabase.available)
    func aStaleAssignmentIsRefusedAndChangesNothing(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let leader = try await test.client("sydby.leader")
            let caseID = try await leader.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let path = "/api/v1/cases/\(caseID)"
            #expect(try await leader.expect(.ok, .GET, path)["assignmentVersion"] as? Int == 0)
            let first = try await Self.id(of: "sydby.caseworker", test), second = try await Self.id(of: "sydby.caseworker2", test)

            let assigned = try await leader.send(.PUT, "\(path)/assignment", json: ["caseworkerId": first], headers: ["If-Match": "\"0\""])
            #expect(assigned.status == .ok && assigned.headers.first(name: .eTag) == "\"1\"")
            #expect(assigned.json["assignmentVersion"] as? Int == 1)

            let stale = try await leader.send(.PUT, "\(path)/assignment", json: ["caseworkerId": second], headers: ["If-Match": "\"0\""])
            #expect(stale.status == .preconditionFailed && stale.json["field"] as? String == "If-Match", "\(stale.body.string)")
            let now = try await leader.expect(.ok, .GET, path)
            #expect(now["caseworkerId"] as? String == first && now["assignmentVersion"] as? Int == 1)

            let garbled = try await leader.send(.PUT, "\(path)/assignment", json: ["caseworkerId": second], headers: ["If-Match": "version one"])
            #expect(garbled.status == .badRequest && garbled.json["field"] as? String == "If-Match")
            // Without If-Match the assignment is made whatever it was.
            #expect(try await leader.send(.PUT, "\(path)/assignment", json: ["caseworkerId": second]).json["assignmentVersion"] as? Int == 2)

            let statuses = try await concurrently(10) { index in
                try await leader.send(.PUT, "\(path)/assignment", json: ["caseworkerId": index % 2 == 0 ? first : second],
                                      headers: ["If-Match": "\"2\""]).status
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .preconditionFailed }.count == 9, "\(statuses)")
            #expect(try await leader.expect(.ok, .GET, path)["assignmentVersion"] as? Int == 3)
        }
    }

    /// Two tabs of the team tray: the second assignment of the same case is refused, and the tray
    /// says so and shows who has it now.
    @Test(arguments: TestDatabase.available)
    func theTrayRefusesAnAssignmentMadeMeanwhile(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let caseID = try await (try await test.client("sydby.leader")).expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            var page = try await PageClient.signedIn(test, "sydby.leader")
            let tray = try await page.get("/worktray").body.string
            #expect(tray.contains(#"name="version" value="0""#))
            let first = try await Self.id(of: "sydby.caseworker", test), second = try await Self.id(of: "sydby.caseworker2", test)

            // A form without the version it was shown with is not saved unchecked.
            #expect(try await page.post("/cases/\(caseID)/assignment", ["caseworkerId": second]).status == .badRequest)
            let done = try await page.post("/cases/\(caseID)/assignment", ["caseworkerId": first, "version": "0"])
            #expect(done.headers.first(name: .location) == "/worktray")
            let refused = try await page.post("/cases/\(caseID)/assignment", ["caseworkerId": second, "version": "0"])
            #expect(refused.headers.first(name: .location) == "/worktray?notice=assigned-meanwhile")
            let shown = try await page.get("/worktray?notice=assigned-meanwhile").body.string
            #expect(shown.contains(#"id="worktray-notice""#) && shown.contains("En anden fordelte sagen"))
            let record = try await (try await test.client("sydby.leader")).expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            #expect(record["caseworkerId"] as? String == first)
        }
    }

    private static func id(of username: String, _ test: TestApp) async throws -> String {
        try await (try await test.client(username)).expect(.ok, .GET, "/api/v1/auth/me")["id"] as! String
    }
}
