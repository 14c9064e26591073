import Foundation
import OmsorgDetection
import OmsorgDomain
@testable import OmsorgStore
import SQLKit
import Testing
import Vapor

/// The consent gate (issue 10, item 5): a proposal's family is resolved only for the caseworker who
/// takes it, and the family's existing cases, even another team's, open to them only once consent
/// is recorded; before that they answer 404. Every step is audited.
@Suite("Consent gate")
struct ConsentGateTests {
    /// Proposals for H2 (child c2), H4 and H1; c2's person number is that of a child whose case
    /// Team B works, and p2 is c2's custody holder.
    static func propose(_ test: TestApp) async throws -> String {
        _ = try await ProposalRepository(test.app.db).propose(ProposalRepositoryTests.scoring(asOf: ProposalRepositoryTests.may10), policy: ProposalPolicy(),
                                                              municipality: test.sydby.id, now: testNow)
        let sql = test.app.db as! any SQLDatabase, file = UUID(), municipality = test.sydby.id.rawValue
        try await sql.insert(into: "detection_files").columns("id", "municipality_id", "source", "sha256", "row_count", "ingested_at")
            .values(SQLBind(file), SQLBind(municipality), SQLBind("population"), SQLBind("test"), SQLBind(2), SQLBind(testNow)).run()
        for (pseudonym, number) in [("c2", "6505144854"), ("p2", "7003124123")] {
            try await sql.insert(into: "person_register").columns("file_id", "municipality_id", "pseudonym", "person_number")
                .values(SQLBind(file), SQLBind(municipality), SQLBind(pseudonym), SQLBind(number)).run()
        }
        try await sql.insert(into: "detection_custody").columns("file_id", "municipality_id", "child", "parent")
            .values(SQLBind(file), SQLBind(municipality), SQLBind("c2"), SQLBind("p2")).run()
        let items = try await test.client("sydby.caseworker").expect(.ok, .GET, "/api/v1/proposals")["items"] as! [[String: Any]]
        return items[0]["id"] as! String
    }

    @Test(arguments: TestDatabase.available)
    func theFamilysCasesOpenOnlyToTheHolderAndOnlyAfterConsent(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let caseID = try await test.client("sydby.other-team").expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let proposal = try await Self.propose(test)
            let worker = try await test.client("sydby.caseworker"), colleague = try await test.client("sydby.caseworker2")
            let path = "/api/v1/proposals/\(proposal)"

            let open = try await worker.expect(.ok, .GET, path)
            #expect(open["state"] as? String == "open" && open["family"] == nil)
            #expect(open["allowedActions"] as? [String] == ["take"])
            try await worker.expect(.notFound, .GET, "\(path)/cases")
            try await test.client("sydby.leader").expect(.forbidden, .POST, "\(path)/take")
            try await test.client("nordby.caseworker").expect(.notFound, .GET, path)

            let taken = try await worker.expect(.ok, .POST, "\(path)/take")
            let family = try #require(taken["family"] as? [[String: Any]])
            #expect(family.map { $0["personNumber"] as? String } == ["6505144854", "7003124123"])
            #expect(family.map { $0["relation"] as? String } == ["child", "custody-holder"])
            try await colleague.expect(.conflict, .POST, "\(path)/take")
            #expect(try await colleague.expect(.ok, .GET, path)["family"] == nil)

            // Taken, but no consent: the family's cases, and the other team's case itself, stay out of sight.
            try await worker.expect(.notFound, .GET, "\(path)/cases")
            try await worker.expect(.notFound, .GET, "\(path)/cases/\(caseID)")
            try await worker.expect(.notFound, .GET, "/api/v1/cases/\(caseID)")
            try await worker.expect(.conflict, .POST, "\(path)/consent-answer", json: ["answer": "given", "answeredOn": "2024-06-03"])
            let future = try await worker.expect(.unprocessableEntity, .POST, "\(path)/consent-request", json: ["sentOn": "2024-06-04"])
            #expect(future["field"] as? String == "sentOn")
            let letter = try await worker.expect(.ok, .GET, "\(path)/letter")
            #expect((letter["body"] as? String)?.contains("Kommunen har modtaget mindst 2 underretninger") == true)
            try await colleague.expect(.conflict, .GET, "\(path)/letter")

            let requested = try await worker.expect(.ok, .POST, "\(path)/consent-request", json: ["sentOn": "2024-06-03"])
            #expect(requested["answerDeadline"] as? String == "2024-06-17")
            let tray = try #require(try await worker.expect(.ok, .GET, "/api/v1/worktray")["proposals"] as? [[String: Any]])
            #expect(tray.map { $0["answerDeadline"] as? String } == ["2024-06-17"] && tray[0]["answerOverdue"] as? Bool == false)
            #expect((try await colleague.expect(.ok, .GET, "/api/v1/worktray")["proposals"] as? [Any])?.isEmpty == true)
            try await worker.expect(.conflict, .POST, "\(path)/consent-answer", json: ["answer": "no-answer", "answeredOn": "2024-06-03"])
            try await worker.expect(.notFound, .GET, "\(path)/cases")

            let consented = try await worker.expect(.ok, .POST, "\(path)/consent-answer", json: ["answer": "given", "answeredOn": "2024-06-03"])
            #expect(consented["state"] as? String == "consented" && consented["allowedActions"] as? [String] == ["effort", "relevance"])
            let cases = try await worker.expect(.ok, .GET, "\(path)/cases")["items"] as! [[String: Any]]
            #expect(cases.map { $0["id"] as? String } == [caseID])
            try await worker.expect(.ok, .GET, "\(path)/cases/\(caseID)")
            try await colleague.expect(.notFound, .GET, "\(path)/cases")
            try await worker.expect(.notFound, .GET, "/api/v1/cases/\(caseID)")

            let effort: [String: Any] = ["child": "c2", "offer": "Familiesamtaler", "provider": "Sundhedsplejen", "goals": ["Faste tandlægetider"], "startDate": "2024-06-03"]
            var stranger = effort
            stranger["child"] = "c4"
            #expect(try await worker.expect(.unprocessableEntity, .POST, "\(path)/efforts", json: stranger)["field"] as? String == "child")
            let started = try await worker.expect(.created, .POST, "\(path)/efforts", json: effort)
            let efforts = try #require(started["efforts"] as? [[String: Any]])
            #expect(efforts.map { $0["followUpDate"] as? String } == ["2024-09-03"])
            // Another effort sent twice at once, as by a double click: one is started, one refused.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await worker.send(.POST, "\(path)/efforts", json: ["child": "c2", "offer": "Åben rådgivning", "provider": "Sundhedsplejen",
                                                                                "goals": ["Faste tandlægetider"], "startDate": "2024-06-03"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.map(\.code).sorted() == [201, 409], "\(statuses)")
            #expect((try await worker.expect(.ok, .GET, path)["efforts"] as? [[String: Any]])?.count == 2)
            try await worker.expect(.ok, .POST, "\(path)/relevance", json: ["relevance": "yes", "note": "Familien tog imod tilbuddet"])
            let feedback = try await ProposalRepository(test.app.db).feedback(version: 1, municipality: test.sydby.id)
            #expect(feedback.proposals == 3 && feedback.yes == 1 && feedback.judged == 1 && feedback.relevanceRate == 1, "\(feedback)")

            let actions = try await AuditTests.actions(test)
            for action in ["list-proposals", "read-proposal", "proposal-take", "resolve-pseudonym", "proposal-consent-request", "proposal-consent-answer",
                           "list-cases", "read-case", "proposal-effort", "proposal-relevance"] {
                #expect(actions.contains(action), "\(action) is audited")
            }
            #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aProposalIsDismissedWithAReasonAndThenClosed(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let path = "/api/v1/proposals/\(try await Self.propose(test))"
            let worker = try await test.client("sydby.caseworker")
            try await worker.expect(.conflict, .POST, "\(path)/dismissal", json: ["reason": "Kendt familie"])
            try await worker.expect(.ok, .POST, "\(path)/take")
            #expect(try await worker.expect(.unprocessableEntity, .POST, "\(path)/dismissal", json: ["reason": "  "])["field"] as? String == "reason")
            try await worker.expect(.unprocessableEntity, .POST, "\(path)/dismissal", json: ["reason": "x", "extra": 1])
            let dismissed = try await worker.expect(.ok, .POST, "\(path)/dismissal", json: ["reason": "Familien har allerede en indsats"])
            #expect(dismissed["state"] as? String == "dismissed" && dismissed["allowedActions"] as? [String] == ["relevance"])
            // Closed without consent, the proposal no longer names the family, even to its holder.
            #expect((dismissed["family"] as? [Any])?.isEmpty ?? true, "\(dismissed)")
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            let shown = try await page.get(path.replacingOccurrences(of: "/api/v1", with: "")).body.string
            #expect(!shown.contains("650514-4854") && shown.contains("id=\"proposal-family-closed\""))
            try await worker.expect(.conflict, .POST, "\(path)/consent-request", json: ["sentOn": "2024-06-03"])
            try await worker.expect(.notFound, .GET, "\(path)/cases")
            #expect(try await worker.expect(.ok, .GET, "/api/v1/proposals?state=dismissed")["items"].map { ($0 as! [Any]).count } == 1)
            try await worker.expect(.badRequest, .GET, "/api/v1/proposals?state=lost")

            // A closed proposal falls to retention a year after it closed; the open ones stay.
            let retention = RetentionRepository(test.app.db)
            let early = try await retention.run(now: testNow.addingTimeInterval(364 * 86_400), sessionIdle: 3_600, dryRun: false)
            #expect(early.first { $0.kind == .closedProposals && $0.municipality.id == test.sydby.id }?.count == 0)
            let due = try await retention.run(now: testNow.addingTimeInterval(366 * 86_400), sessionIdle: 3_600, dryRun: false)
            #expect(due.first { $0.kind == .closedProposals && $0.municipality.id == test.sydby.id }?.count == 1)
            #expect(try await ProposalRepository(test.app.db).proposals(municipality: test.sydby.id).map(\.state) == [.open, .open])
        }
    }
}
