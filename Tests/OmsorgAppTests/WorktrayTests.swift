import Foundation
@testable import OmsorgStore
import Testing
import Vapor

@Suite("Work tray")
struct WorktrayTests {
    /// A caseworker's 60 open deadlines come 50 a page, soonest first, none twice, with the totals
    /// over both pages; a colleague's and another team's trays do not show them.
    @Test(arguments: TestDatabase.available)
    func aLongTrayComesAPageAtATimeSoonestFirst(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            for index in 0..<30 {
                try await worker.expect(.created, .POST, "/api/v1/reports-of-concern",
                                        json: report(personNumber: Self.syntheticPersonNumber(index), receivedAt: at(hours: -Double(index))))
            }
            let first = try await worker.expect(.ok, .GET, "/api/v1/worktray")
            let second = try await worker.expect(.ok, .GET, "/api/v1/worktray?page=2")
            let items = (first["items"] as! [[String: Any]]) + (second["items"] as! [[String: Any]])
            #expect((first["items"] as! [Any]).count == 50)
            #expect(items.count == 60)
            #expect(first["total"] as? Int == 60 && second["total"] as? Int == 60)
            let due = items.map { ($0["deadline"] as! [String: Any])["dueAt"] as! String }
            #expect(due == due.sorted())
            let keys = items.map { "\($0["caseId"]!)/\(($0["deadline"] as! [String: Any])["kind"]!)" }
            #expect(Set(keys).count == 60)
            // Reports received more than 24 hours ago have an overdue urgent assessment.
            #expect(first["overdue"] as? Int == 5)
            #expect(try await worker.expect(.ok, .GET, "/api/v1/worktray?page=3")["items"] as? [Any] != nil)
            #expect((try await worker.expect(.ok, .GET, "/api/v1/worktray?page=3")["items"] as! [Any]).isEmpty)
            for name in ["sydby.caseworker2", "sydby.other-team"] {
                #expect(try await test.client(name).expect(.ok, .GET, "/api/v1/worktray")["total"] as? Int == 0)
            }
        }
    }

    /// A team leader's tray holds the whole team's deadlines with the unassigned cases first; once
    /// assigned, a case's deadlines move to the caseworker's tray and below the unassigned ones.
    @Test(arguments: TestDatabase.available)
    func theTeamTrayPutsUnassignedCasesFirstAndAssignmentMovesThem(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: Self.syntheticPersonNumber(0),
                                                                                               receivedAt: at(hours: -30)))
            let leader = try await test.client("sydby.leader")
            let unassigned = try await leader.expect(.created, .POST, "/api/v1/reports-of-concern",
                                                     json: report(personNumber: Self.syntheticPersonNumber(1)))["caseId"] as! String
            var tray = try await leader.expect(.ok, .GET, "/api/v1/worktray")["items"] as! [[String: Any]]
            #expect(tray.count == 4)
            #expect(tray.prefix(2).allSatisfy { $0["caseId"] as? String == unassigned && $0["caseworkerId"] == nil })

            let colleague = try await test.client("sydby.caseworker2")
            let colleagueID = try await colleague.expect(.ok, .GET, "/api/v1/auth/me")["id"]!
            try await leader.expect(.ok, .PUT, "/api/v1/cases/\(unassigned)/assignment", json: ["caseworkerId": colleagueID])
            tray = try await leader.expect(.ok, .GET, "/api/v1/worktray")["items"] as! [[String: Any]]
            #expect(tray.allSatisfy { $0["caseworkerId"] != nil })
            let due = tray.map { ($0["deadline"] as! [String: Any])["dueAt"] as! String }
            #expect(due == due.sorted())
            let theirs = try await colleague.expect(.ok, .GET, "/api/v1/worktray")["items"] as! [[String: Any]]
            #expect(theirs.count == 2 && theirs.allSatisfy { $0["caseId"] as? String == unassigned })
        }
    }

    /// Deadlines recorded before migration 008 get their case's owners when it runs.
    @Test(arguments: TestDatabase.available)
    func theOwnersMigrationFillsInEarlierDeadlines(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: Self.syntheticPersonNumber(0)))
            let before = try await worker.expect(.ok, .GET, "/api/v1/worktray")
            // On one connection: another one of an in-memory SQLite database may keep the old schema.
            try await test.app.db.transaction { tx in
                try await UpdateDeadlinesAddOwners().revert(on: tx)
                try await UpdateDeadlinesAddOwners().prepare(on: tx)
            }
            let after = try await worker.expect(.ok, .GET, "/api/v1/worktray")
            #expect(after["total"] as? Int == 2)
            #expect(try Self.canonical(after["items"]!) == Self.canonical(before["items"]!))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPageNumberOutOfRangeIsRefusedNotACrash(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            for page in ["0", "-1", "1000001", "9223372036854775807"] {
                let problem = try await worker.expect(.badRequest, .GET, "/api/v1/worktray?page=\(page)")
                #expect(problem["field"] as? String == "page")
            }
        }
    }

    static func canonical(_ json: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: json, options: .sortedKeys), as: UTF8.self)
    }

    /// Replacement person numbers (day + 60), which CPR never issues.
    static func syntheticPersonNumber(_ index: Int) -> String {
        String(format: "%02d%02d%02d-4%03d", 61 + index % 28, 1 + index / 28 % 12, 10, index)
    }
}
