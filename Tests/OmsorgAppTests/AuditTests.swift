import FluentPostgresDriver
import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Testing

@Suite("Audit")
struct AuditTests {
    @Test(arguments: TestDatabase.available)
    func resolvingAPseudonymIsAuditedAndTamperingIsDetected(database: TestDatabase) async throws {
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
            #expect(try await AuditLog.verify(on: test.app.db) == (3, nil))

            let sql = test.app.db as! any SQLDatabase
            try await sql.raw("UPDATE audit_log SET purpose = 'something else' WHERE sequence = 2").run()
            #expect(try await AuditLog.verify(on: test.app.db).brokenAt == 2)
            try await sql.raw("DELETE FROM audit_log WHERE sequence = 2").run()
            #expect(try await AuditLog.verify(on: test.app.db).brokenAt == 2)
        }
    }
}
