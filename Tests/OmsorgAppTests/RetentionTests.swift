import Fluent
import Foundation
import OmsorgDomain
@testable import OmsorgStore
import SQLKit
import Testing
import Vapor

@Suite("Retention")
struct RetentionTests {
    /// A case closed longer ago than its municipality keeps closed cases is deleted with its child
    /// and family, unless the child has another case; a dry run deletes nothing; the run is in the
    /// audit log, and a second run finds nothing to do.
    @Test(arguments: TestDatabase.available)
    func closedCasesPastTheirPeriodAreDeleted(database: TestDatabase) async throws {
        let clock = TestClock()
        try await TestApp.run(on: database, now: { clock.now }) { test in
            let worker = try await test.client("sydby.caseworker")
            let gone = try await Self.closedCase(worker, personNumber: "650514-4854")
            let earlier = try await Self.closedCase(worker, personNumber: "650514-4862")
            let open = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: Self.report("650514-4862"))["caseId"] as! String
            try await worker.expect(.created, .POST, "/api/v1/cases/\(gone)/family-members",
                                    json: ["name": "Mor", "relation": "mother", "hasCustody": true, "livesWithChild": true])
            let retention = RetentionRepository(test.app.db)
            try await retention.setPeriod(365, for: .closedCases, in: test.sydby.id)

            clock.advance(by: 400 * 86_400)
            let signedInAgain = try await test.client("sydby.caseworker")
            let due = try await retention.run(now: clock.now, sessionIdle: 1800, dryRun: true)
            #expect(Self.count(due, .closedCases, test.sydby) == 2)
            try await signedInAgain.expect(.ok, .GET, "/api/v1/cases/\(gone)")

            let done = try await retention.run(now: clock.now, sessionIdle: 1800, dryRun: false)
            #expect(Self.count(done, .closedCases, test.sydby) == 2)
            #expect(Self.count(done, .closedCases, test.nordby) == 0)
            try await signedInAgain.expect(.notFound, .GET, "/api/v1/cases/\(gone)")
            try await signedInAgain.expect(.notFound, .GET, "/api/v1/cases/\(earlier)")
            let kept = try await signedInAgain.expect(.ok, .GET, "/api/v1/cases/\(open)")
            #expect((kept["child"] as? [String: Any])?["personNumber"] as? String == "650514-4862")
            #expect(try await Self.rows("children", on: test) == 1)
            #expect(try await Self.rows("family_members", on: test) == 0)
            #expect(try await Self.rows("audit_entries", where: "subject LIKE 'cases closed before%'", on: test) == 1)
            #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil)
            // The child who stays sees the deletion of the closed case in its access log, by Omsorg itself.
            let childID = (kept["child"] as! [String: Any])["id"] as! String
            let log = try await signedInAgain.expect(.ok, .GET, "/api/v1/children/\(childID)/access-log")["entries"] as! [[String: Any]]
            #expect(log.contains { $0["action"] as? String == "retention-delete" && $0["actor"] as? String == "Omsorg" })
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            #expect(try await page.get("/children/\(childID.lowercased())/access-log").body.string.contains("Omsorg selv (sletning efter opbevaringsregler)"))

            let again = try await retention.run(now: clock.now, sessionIdle: 1800, dryRun: false)
            #expect(again.allSatisfy { $0.count == 0 }, "\(again)")
        }
    }

    /// Audit entries past their period are deleted from the start of the chain, which then still
    /// verifies from its new beginning, against its head and older checkpoints; a beginning moved
    /// without the run's own entry is found. Ended sessions and tokens go too.
    @Test(arguments: TestDatabase.available)
    func oldAuditEntriesAndEndedSessionsAreDeleted(database: TestDatabase) async throws {
        let clock = TestClock()
        try await TestApp.run(on: database, now: { clock.now }) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: Self.report("650514-4854"))["caseId"] as! String
            for _ in 0..<3 { try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)") }
            // Filed by child, all but the last read: retention takes entries out of the index too.
            try await AuditIndex.catchUp(on: test.app.db)
            try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            let before = try await Self.rows("audit_entries", where: "municipality_id = \(bind: test.sydby.id.rawValue)", on: test)
            let checkpoints = try await AuditLog.checkpoints(on: test.app.db)
            let retention = RetentionRepository(test.app.db)
            try await retention.setPeriod(183, for: .auditEntries, in: test.sydby.id)

            clock.advance(by: 200 * 86_400)
            let done = try await retention.run(now: clock.now, sessionIdle: 1800, dryRun: false)
            #expect(Self.count(done, .auditEntries, test.sydby) == before)
            #expect(Self.count(done, .auditEntries, test.nordby) == 0, "Nordby keeps the default five years")
            #expect(Self.count(done, .sessions, test.sydby) == 1, "the caseworker's API token ended 200 days ago")
            #expect(try await Self.rows("user_tokens", on: test) == 0)
            // What remains: the run's own two entries, naming the new beginning.
            #expect(try await Self.rows("audit_entries", where: "municipality_id = \(bind: test.sydby.id.rawValue)", on: test) == 2)
            #expect(try await AuditLog.verify(on: test.app.db, checkpoints: checkpoints).firstBreak == nil)
            let again = try await retention.run(now: clock.now, sessionIdle: 1800, dryRun: false)
            #expect(again.allSatisfy { $0.count == 0 }, "\(again)")
            try await Self.aPruneOfRecentEntriesIsFound(test, clock)

            // Deleting the next entry too and moving the beginning to match, without the run's entry, is found.
            let sql = test.app.db as! any SQLDatabase
            let first = try await sql.raw("SELECT MIN(sequence) AS s FROM audit_entries WHERE municipality_id = \(bind: test.sydby.id.rawValue)")
                .first()!.decode(column: "s", as: Int.self)
            let hash = try await sql.raw("SELECT hash FROM audit_entries WHERE municipality_id = \(bind: test.sydby.id.rawValue) AND sequence = \(bind: first)")
                .first()!.decode(column: "hash", as: String.self)
            try await sql.raw("DELETE FROM audit_entries WHERE municipality_id = \(bind: test.sydby.id.rawValue) AND sequence = \(bind: first)").run()
            try await sql.raw("UPDATE audit_heads SET pruned_through = \(bind: first), pruned_hash = \(bind: hash) WHERE municipality_id = \(bind: test.sydby.id.rawValue)").run()
            let broken = try await AuditLog.verify(on: test.app.db).firstBreak
            #expect(broken == AuditLog.Break(municipality: test.sydby.id, sequence: first, kind: .deleted))
        }
    }

    /// Someone with the database deletes this week's entries and dresses it up as retention: the
    /// beginning moved, the run's entry appended with a proper hash. A checkpoint taken before
    /// shows the deleted entries were too recent for any retention period.
    private static func aPruneOfRecentEntriesIsFound(_ test: TestApp, _ clock: TestClock) async throws {
        let worker = try await test.client("sydby.caseworker")
        for _ in 0..<2 { try await worker.expect(.ok, .GET, "/api/v1/worktray") }
        let checkpoints = try await AuditLog.checkpoints(on: test.app.db)
        let head = try #require(checkpoints.first { $0.municipality == test.sydby.id })
        #expect(head.at != nil)
        clock.advance(by: 86_400)
        let sql = test.app.db as! any SQLDatabase
        let chain = test.sydby.id.rawValue
        try await sql.raw("DELETE FROM audit_entries WHERE municipality_id = \(bind: chain) AND sequence <= \(bind: head.sequence)").run()
        try await sql.raw("UPDATE audit_heads SET pruned_through = \(bind: head.sequence), pruned_hash = \(bind: head.hash) WHERE municipality_id = \(bind: chain)").run()
        try await test.app.db.writing { tx in
            try await AuditLog.append([.retention(.pruneAuditLog, in: test.sydby.id, subject: AuditLog.Pruned(through: head.sequence, hash: head.hash).subject,
                                                  children: [], at: clock.now)], on: tx)
        }
        #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil, "without the checkpoint it passes for retention")
        #expect(try await AuditLog.verify(on: test.app.db, checkpoints: checkpoints).firstBreak
                == AuditLog.Break(municipality: test.sydby.id, sequence: head.sequence, kind: .deleted))
    }

    /// Opens a case by an anonymous report and closes it the shortest lawful way.
    private static func closedCase(_ worker: TestApp.Client, personNumber: String) async throws -> String {
        let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber))
        let path = "/api/v1/cases/\(created["caseId"] as! String)"
        try await worker.expect(.ok, .POST, "\(path)/urgent-assessments", json: ["reportId": created["reportId"] as! String, "assessedAt": at(hours: -1.5),
                                                                              "childAtImmediateRisk": false, "note": "Ingen akut fare."])
        try await worker.expect(.ok, .POST, "\(path)/preliminary-assessments", json: ["assessedAt": at(hours: -1.4), "text": "Ingen grund til bekymring.",
                                                                                   "outcome": "no-further-action"])
        let closed = try await worker.expect(.ok, .POST, "\(path)/closure", json: ["closedAt": at(hours: -1.3), "reason": "Ingen grund til bekymring."])
        #expect(closed["stage"] as? String == "closed")
        return created["caseId"] as! String
    }

    private static func report(_ personNumber: String) -> [String: Any] {
        OmsorgAppTests.report(personNumber: personNumber, kind: "anonymous")
    }

    private static func count(_ outcomes: [RetentionRepository.Outcome], _ kind: RetainedRecord, _ municipality: Municipality) -> Int? {
        outcomes.first { $0.kind == kind && $0.municipality.id == municipality.id }?.count
    }

    private static func rows(_ table: String, where condition: SQLQueryString = "1 = 1", on test: TestApp) async throws -> Int {
        try await (test.app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(condition)").first()!.decode(column: "n", as: Int.self)
    }
}
