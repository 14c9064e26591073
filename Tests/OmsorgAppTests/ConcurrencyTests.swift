import Foundation
import Testing
import Vapor

@Suite("Concurrency")
struct ConcurrencyTests {
    /// Simultaneous steps on one case are each either recorded whole or refused with 409; the case
    /// ends up with exactly the recorded ones and never answers 500.
    @Test(arguments: TestDatabase.available)
    func simultaneousStepsAreRecordedWholeOrRefused(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await worker.send(.POST, "/api/v1/cases/\(caseID)/child-conversations",
                                              json: ["heldAt": at(hours: -1), "summary": "Samtale \(index)"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .conflict }, "\(statuses)")
            let recorded = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["childConversations"] as! [Any]
            #expect(recorded.count == statuses.count { $0 == .ok })
            #expect(recorded.count >= 1)
        }
    }
}
