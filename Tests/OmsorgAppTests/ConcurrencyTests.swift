import Foundation
import Testing
import Vapor

@Suite("Concurrency")
struct ConcurrencyTests {
    /// Simultaneous steps on one case take turns: every one is recorded, none refused, none lost.
    @Test(arguments: TestDatabase.available)
    func simultaneousStepsOnOneCaseAreAllRecorded(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let statuses = try await concurrently(12) { index in
                try await worker.send(.POST, "/api/v1/cases/\(caseID)/child-conversations",
                                      json: ["heldAt": at(hours: -1), "summary": "Samtale \(index)"]).status
            }
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            let recorded = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["childConversations"] as! [[String: Any]]
            #expect(Set(recorded.compactMap { $0["summary"] as? String }) == Set((0..<12).map { "Samtale \($0)" }))
        }
    }

    /// Writes to different cases never refuse each other (issue 9: 16–20 of 30 answered 409 on SQLite).
    @Test(arguments: TestDatabase.available)
    func stepsOnFiftyCasesAtOnceAllSucceed(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            var opened: [String] = []
            for index in 0..<50 {
                let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern",
                                                      json: report(personNumber: Self.personNumber(index)))
                opened.append(created["caseId"] as! String)
            }
            let cases = opened
            let statuses = try await concurrently(50) { index in
                try await worker.send(.POST, "/api/v1/cases/\(cases[index])/child-conversations",
                                      json: ["heldAt": at(hours: -1), "summary": "Samtale"]).status
            }
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            for caseID in cases {
                let recorded = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["childConversations"] as! [Any]
                #expect(recorded.count == 1)
            }
        }
    }

    /// Reports about fifty different children at once all open their cases (issue 9: most answered 409).
    @Test(arguments: TestDatabase.available)
    func reportsAboutFiftyChildrenAtOnceAllOpenCases(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let statuses = try await concurrently(50) { index in
                try await worker.send(.POST, "/api/v1/reports-of-concern", json: report(personNumber: Self.personNumber(index))).status
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            let list = try await worker.expect(.ok, .GET, "/api/v1/cases")
            #expect((list["items"] as! [Any]).count == 50)
        }
    }

    /// Fifty family members added to one case at once are all kept (issue 9: 28 answered 500).
    @Test(arguments: TestDatabase.available)
    func familyMembersAddedAtOnceAreAllKept(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let statuses = try await concurrently(50) { index in
                try await worker.send(.POST, "/api/v1/cases/\(caseID)/family-members",
                                      json: ["name": "Slægtning \(index)", "relation": "other", "hasCustody": false, "livesWithChild": false]).status
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            let family = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["family"] as! [Any]
            #expect(family.count == 50)
        }
    }

    /// A replacement person number (day + 60) for the index-th child, born in 2015.
    static func personNumber(_ index: Int) -> String {
        String(format: "%02d%02d15-4%03d", 61 + index % 28, 1 + index / 28, index)
    }
}

/// Runs `count` copies of `body` at once and gathers what each returned.
func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: T.self) { group in
        for index in 0..<count { group.addTask { try await body(index) } }
        return try await group.reduce(into: []) { $0.append($1) }
    }
}
