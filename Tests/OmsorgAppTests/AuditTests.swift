import FluentPostgresDriver
import Foundation
import OmsorgDetection
import OmsorgDomain
@testable import OmsorgStore
import Testing
import Vapor

@Suite("Audit")
struct AuditTests {
    @Test(arguments: TestDatabase.available)
    func resolvingAPseudonymIsAudited(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = DetectionRepository(test.app.db)
            let (population, sha256) = DetectionStoreTests.extracts[0]
            try await repository.ingest(population, sha256: sha256, municipality: test.sydby.id, now: testNow) { _, _, _ in }
            guard case .population(let people, let register) = population.content else { Issue.record("not a population"); return }
            let caseworker = try #require(try await StaffRepository(test.app.db).credentials(username: "sydby.caseworker")?.user)
            let outsider = try #require(try await StaffRepository(test.app.db).credentials(username: "nordby.caseworker")?.user)

            for (person, registered) in zip(people, register).prefix(3) {
                let number = try await repository.resolve(person.key, by: caseworker, purpose: "Flagged family: consent request", now: testNow)
                #expect(number.value == registered)
            }
            await #expect(throws: StoreError.self) {
                try await repository.resolve(people[0].key, by: outsider, purpose: "curiosity", now: testNow)
            }
            #expect(try await AuditLog.verify(on: test.app.db) == .init(entries: 3, chains: 1, firstBreak: nil))
            #expect(try await Self.actions(test) == ["resolve-pseudonym", "resolve-pseudonym", "resolve-pseudonym"])
        }
    }

    /// Each kind of change to the log is found and named at its entry: an edit, an insertion, a
    /// deletion in the middle, and a cut at the end, which the head or the operator's checkpoint shows.
    @Test(arguments: TestDatabase.available)
    func everyChangeToTheLogIsFound(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            for _ in 0..<5 { try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)") }
            let sql = test.app.db as! any SQLDatabase
            let municipality = test.sydby.id
            func verify(_ checkpoints: [AuditLog.Checkpoint] = []) async throws -> AuditLog.Break? {
                try await AuditLog.verify(on: test.app.db, checkpoints: checkpoints).firstBreak
            }
            #expect(try await verify() == nil)
            let checkpoint = try await AuditLog.checkpoints(on: test.app.db)
            #expect(checkpoint.map(\.sequence) == [6])

            try await sql.raw("UPDATE audit_entries SET purpose = 'curiosity' WHERE sequence = 3").run()
            #expect(try await verify() == .init(municipality: municipality, sequence: 3, kind: .edited))
            try await sql.raw("UPDATE audit_entries SET purpose = 'casework' WHERE sequence = 3").run()
            #expect(try await verify() == nil)

            // Taking a child out of an entry changes the entry.
            let named = try #require(try await sql.raw("SELECT children FROM audit_entries WHERE sequence = 2").first()?.decode(column: "children", as: String.self))
            try await sql.raw("UPDATE audit_entries SET children = '' WHERE sequence = 2").run()
            #expect(try await verify() == .init(municipality: municipality, sequence: 2, kind: .edited))
            try await sql.raw("UPDATE audit_entries SET children = \(bind: named) WHERE sequence = 2").run()
            #expect(try await verify() == nil)

            // Taking an entry out of a child's access log, by its per-child index, is found too.
            #expect(try await AuditIndex.catchUp(on: test.app.db) == 6)
            #expect(try await verify() == nil)
            let block = try #require(try await sql.raw("SELECT sequences FROM audit_child_blocks").first()?.decode(column: "sequences", as: String.self))
            try await sql.raw("UPDATE audit_child_blocks SET sequences = '1,3,4,5,6', entries = 5").run()
            #expect(try await verify() == .init(municipality: municipality, sequence: 2, kind: .indexChanged))
            try await sql.raw("UPDATE audit_child_blocks SET sequences = \(bind: block), entries = 6").run()
            #expect(try await verify() == nil)

            try await sql.raw("DELETE FROM audit_entries WHERE sequence = 4").run()
            #expect(try await verify() == .init(municipality: municipality, sequence: 4, kind: .deleted))

            // Cut the chain after entry 3 and mend the head to match: only the checkpoint tells.
            try await sql.raw("DELETE FROM audit_entries WHERE sequence > 3").run()
            #expect(try await verify() == .init(municipality: municipality, sequence: 4, kind: .truncated))
            let third = try #require(try await sql.raw("SELECT hash FROM audit_entries WHERE sequence = 3").first()?.decode(column: "hash", as: String.self))
            try await sql.raw("UPDATE audit_heads SET sequence = 3, hash = \(bind: third)").run()
            // The index still files the entries cut off; mended too, it leaves only the checkpoint to tell.
            #expect(try await verify() == .init(municipality: municipality, sequence: 4, kind: .indexChanged))
            try await sql.raw("UPDATE audit_child_blocks SET sequences = '1,2,3', entries = 3, last_sequence = 3").run()
            try await sql.raw("UPDATE audit_indexed SET through = 3").run()
            #expect(try await verify() == nil)
            #expect(try await verify(checkpoint) == .init(municipality: municipality, sequence: 4, kind: .truncated))

            // An entry put in with a made-up hash after the mended head.
            try await sql.raw("""
                INSERT INTO audit_entries (municipality_id, sequence, at, actor_id, actor_role, action, subject, purpose, previous_hash, hash)
                SELECT municipality_id, 4, at, actor_id, actor_role, action, subject, purpose, hash, hash FROM audit_entries WHERE sequence = 3
                """).run()
            #expect(try await verify() == .init(municipality: municipality, sequence: 4, kind: .edited))
        }
    }

    /// Reads in two municipalities at once each append to their own chain, and no read fails.
    @Test(arguments: TestDatabase.available)
    func concurrentReadsKeepEveryChainWhole(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let sydby = try await test.client("sydby.caseworker")
            let nordby = try await test.client("nordby.caseworker")
            let sydbyCase = try await sydby.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let nordbyCase = try await nordby.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let statuses = try await concurrently(60) { index in
                index % 2 == 0 ? try await sydby.send(.GET, "/api/v1/cases/\(sydbyCase)").status
                    : try await nordby.send(.GET, "/api/v1/cases/\(nordbyCase)").status
            }
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            #expect(try await AuditLog.verify(on: test.app.db) == .init(entries: 62, chains: 2, firstBreak: nil))
        }
    }

    /// Walks every GET route of the API and the pages as a caseworker whose case is in the path:
    /// any answer that shows the child's name or person number must have written an audit entry.
    @Test(arguments: TestDatabase.available)
    func everyRouteShowingAChildWritesAnEntry(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: "650514-4854"))
            let caseID = created["caseId"] as! String
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            let child = ["Testbarn Demo", "650514-4854"]
            var walked = 0
            for route in test.app.routes.all where route.method == .GET {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return caseID }
                    return component.description
                }.joined(separator: "/")
                guard !path.contains("*"), !path.contains(":") else { continue }
                let before = try await Self.count(test)
                let body = path.hasPrefix("/api/") ? try await worker.send(.GET, path).body.string
                    : try await page.get(path + (path == "/search" ? "?q=Testbarn" : "")).body.string
                walked += 1
                if child.contains(where: body.contains) {
                    #expect(try await Self.count(test) > before, "GET \(path) shows the child without an audit entry")
                }
            }
            #expect(walked >= 10)
            #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil)
        }
    }

    /// Who looked at what, for what: the entries of one walk through a case.
    @Test(arguments: TestDatabase.available)
    func eachAccessRecordsWhoWhatAndWhy(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String
            try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            try await worker.expect(.ok, .POST, "/api/v1/cases/\(caseID)/child-conversations", json: ["heldAt": at(hours: -1), "summary": "Samtale"])
            try await worker.expect(.created, .POST, "/api/v1/cases/\(caseID)/family-members",
                                    json: ["name": "Mor", "relation": "mother", "hasCustody": true, "livesWithChild": true])
            try await worker.expect(.ok, .GET, "/api/v1/worktray")
            try await worker.expect(.ok, .GET, "/api/v1/cases")
            // Refused reads leave no entry: another municipality's case is not found.
            let nordby = try await test.client("nordby.caseworker")
            #expect(try await nordby.send(.GET, "/api/v1/cases/\(caseID)").status == .notFound)
            #expect(try await Self.actions(test) == ["receive-report", "read-case", "record-child-conversation", "add-family-member",
                                                     "read-worktray", "list-cases"])
            let sql = test.app.db as! any SQLDatabase
            let rows = try await sql.raw("SELECT DISTINCT actor_role, purpose FROM audit_entries").all()
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "actor_role", as: String.self) == "caseworker")
            #expect(try rows.first?.decode(column: "purpose", as: String.self) == "casework")
            // Each entry names the one child it concerns.
            let children = try await sql.raw("SELECT children FROM audit_entries ORDER BY sequence").all()
                .map { try $0.decode(column: "children", as: String.self) }
            #expect(children.count == 6 && Set(children).count == 1 && UUID(uuidString: children[0]) != nil, "\(children)")
        }
    }

    static func count(_ test: TestApp) async throws -> Int {
        try await (test.app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM audit_entries").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func actions(_ test: TestApp) async throws -> [String] {
        try await (test.app.db as! any SQLDatabase).raw("SELECT action FROM audit_entries ORDER BY municipality_id, sequence").all()
            .map { try $0.decode(column: "action", as: String.self) }
    }
}
