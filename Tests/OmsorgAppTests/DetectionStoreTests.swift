import Foundation
import OmsorgDetection
import OmsorgDomain
@testable import OmsorgStore
import SQLKit
import Testing

@Suite("Detection store")
struct DetectionStoreTests {
    /// A small synthetic municipality's extracts, linked as `omsorg ingest` links them.
    static let extracts: [(extract: LinkedExtract<Pseudonym>, sha256: String)] = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try! PopulationGenerator(inhabitants: 1500, years: 5, seed: 11).generate(into: directory)
        let pseudonymiser = Pseudonymiser(secret: "test", municipalityCode: "9901")
        return SourceSystem.allCases.map { source in
            let data = try! Data(contentsOf: directory.appendingPathComponent(source.fileName))
            let parsed = try! ExtractParser(source: source, today: LocalDate(year: 2025, month: 1, day: 1)!).parse(data)
            return (LinkedExtract(parsed).pseudonymised(by: pseudonymiser), ExtractParser.contentHash(data))
        }
    }()

    @Test(arguments: TestDatabase.available)
    func loadsEachExtractOnceAndGivesBackTheSameIndicators(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = try await Self.ingestAll(into: test)
            let counts = try await repository.counts(municipality: test.sydby.id)
            let people = Self.extracts[0].extract.rowCount
            #expect(counts["detection_files"] == SourceSystem.allCases.count)
            #expect(counts["detection_people"] == people)
            #expect(counts["person_register"] == people)
            #expect(counts["events"] == Self.extracts.map(\.extract).filter { $0.source.isEventSource }.map(\.rowCount).reduce(0, +))
            #expect(try await repository.counts(municipality: test.nordby.id).values.allSatisfy { $0 == 0 })

            await #expect(throws: StoreError.duplicate("This file has already been loaded.")) {
                try await repository.ingest(Self.extracts[3].extract, sha256: Self.extracts[3].sha256, municipality: test.sydby.id, now: testNow) { _, _, _ in }
            }
            #expect(try await repository.counts(municipality: test.sydby.id) == counts)
            #expect(try await repository.ingestedAt(sha256: Self.extracts[3].sha256, municipality: test.sydby.id) != nil)

            var inMemory = DetectionDataset<Pseudonym>()
            Self.extracts.forEach { inMemory.add($0.extract) }
            let fromStore = Self.indicators(try await repository.dataset(municipality: test.sydby.id))
            #expect(fromStore == Self.indicators(inMemory))
            #expect(fromStore.values.contains { $0.dropLast().contains(1) })
        }
    }

    /// Events loaded as rows before migration 004 move into columns, and back on revert, unchanged.
    @Test(arguments: TestDatabase.available)
    func theColumnMigrationMovesLoadedEventsBothWays(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = try await Self.ingestAll(into: test)
            let events = try #require(try await repository.counts(municipality: test.sydby.id)["events"])
            let before = Self.indicators(try await repository.dataset(municipality: test.sydby.id))

            try await StoreEventsInColumns().revert(on: test.app.db)
            let rows = try await (test.app.db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("detection_events").first()?.decode(column: "n", as: Int.self)
            #expect(rows == events)
            try await StoreEventsInColumns().prepare(on: test.app.db)

            #expect(try await repository.counts(municipality: test.sydby.id)["events"] == events)
            #expect(Self.indicators(try await repository.dataset(municipality: test.sydby.id)) == before)
        }
    }

    /// Every extract loaded for Sydby.
    static func ingestAll(into test: TestApp) async throws -> DetectionRepository {
        let repository = DetectionRepository(test.app.db)
        for (extract, sha256) in extracts {
            try await repository.ingest(extract, sha256: sha256, municipality: test.sydby.id, now: testNow) { _, _, _ in }
        }
        return repository
    }

    /// Each child's indicator values and outcome as of 1 January 2024, by pseudonym.
    static func indicators(_ data: DetectionDataset<Pseudonym>) -> [Pseudonym: [UInt8]] {
        let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: data, asOf: LocalDate(year: 2024, month: 1, day: 1)!)
        return Dictionary(uniqueKeysWithValues: table.children.enumerated().map { row, child in
            (data.keys[Int(child)], table.values.map { $0[row] } + [table.outcome?[row] ?? 9])
        })
    }
}
