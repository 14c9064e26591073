import Foundation
import OmsorgDetection
import OmsorgDomain
@testable import OmsorgStore
import SQLKit
import Testing

@Suite("Model store")
struct ModelRepositoryTests {
    static let model = try! ModelTrainer().train(PopulationGenerator(inhabitants: 20_000, years: 5, seed: 5).build().0.data,
                                                 asOf: LocalDate(year: 2025, month: 1, day: 1)!)

    @Test(arguments: TestDatabase.available)
    func theLatestLegalBasisIsInForceAndEachIsAudited(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = ModelRepository(test.app.db)
            #expect(try await repository.legalBasis(municipality: test.sydby.id) == nil)
            let first = LegalBasis(reference: "Byrådets beslutning af 1. marts 2024", decidedOn: LocalDate(year: 2024, month: 3, day: 1)!, approvedBy: "Byrådet")
            let second = LegalBasis(reference: " Lov nr. 1 af 2. maj 2024, § 11 a ", decidedOn: LocalDate(year: 2024, month: 5, day: 2)!, approvedBy: "Direktionen")
            try await repository.record(first, municipality: test.sydby.id, now: testNow)
            try await repository.record(second, municipality: test.sydby.id, now: testNow.addingTimeInterval(60))
            let inForce = try #require(try await repository.legalBasis(municipality: test.sydby.id))
            #expect(inForce.basis == second)
            #expect(inForce.basis.reference == "Lov nr. 1 af 2. maj 2024, § 11 a")
            #expect(try await repository.legalBasis(municipality: test.nordby.id) == nil)
            #expect(try await AuditTests.actions(test) == ["record-legal-basis", "record-legal-basis"])
            #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func versionsAreNumberedPerMunicipalityReadBackWholeAndNeverChanged(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = ModelRepository(test.app.db)
            #expect(try await repository.version(municipality: test.sydby.id) == nil)
            let first = try await repository.store(Self.model, municipality: test.sydby.id, now: testNow)
            let second = try await repository.store(Self.model, municipality: test.sydby.id, now: testNow.addingTimeInterval(1))
            let other = try await repository.store(Self.model, municipality: test.nordby.id, now: testNow)
            #expect([first.number, second.number, other.number] == [Int](arrayLiteral: 1, 2, 1))
            #expect(try await repository.version(1, municipality: test.sydby.id) == first)
            #expect(try await repository.version(municipality: test.sydby.id) == second)
            #expect(try await repository.version(3, municipality: test.sydby.id) == nil)

            let sql = test.app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE model_versions SET content = '{}', data_sha256 = 'x'").run()
            }
            #expect(try await repository.version(1, municipality: test.sydby.id)?.model == Self.model)
            #expect(try await AuditTests.actions(test).filter { $0 == "train-model" }.count == 3)
        }
    }

    @Test func aStoredFormatThisReleaseDoesNotKnowIsRefused() throws {
        let stored = try StoredModel.encoded(Self.model).replacingOccurrences(of: "\"format\":1", with: "\"format\":2")
        #expect(throws: DecodingError.self) { try StoredModel.decoded(stored) }
        #expect(try StoredModel.decoded(StoredModel.encoded(Self.model)) == Self.model)
    }
}
