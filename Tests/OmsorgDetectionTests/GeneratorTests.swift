import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

@Suite("Synthetic municipality")
struct GeneratorTests {
    private func files(_ directory: URL) throws -> [String: Data] {
        let names = SourceSystem.allCases.map(\.fileName) + ["truth/coefficients.csv", "truth/children.csv"]
        return Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) })
    }

    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-generate-\(UUID().uuidString)")
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let first = temporaryDirectory(), second = temporaryDirectory(), other = temporaryDirectory()
        defer { [first, second, other].forEach { try? FileManager.default.removeItem(at: $0) } }
        try PopulationGenerator(inhabitants: 3000, years: 5, seed: 7).generate(into: first)
        try PopulationGenerator(inhabitants: 3000, years: 5, seed: 7).generate(into: second)
        try PopulationGenerator(inhabitants: 3000, years: 5, seed: 8).generate(into: other)
        #expect(try files(first) == files(second))
        #expect(try files(first)["dental.csv"] != files(other)["dental.csv"])
    }

    @Test func everyExtractPassesItsOwnSchemaAndNoPersonNumberCanBeReal() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try PopulationGenerator(inhabitants: 20_000, years: 5, seed: 42).generate(into: directory)
        for source in SourceSystem.allCases {
            let extract = try ExtractParser(source: source, today: LocalDate(year: 2025, month: 1, day: 1)!)
                .parse(try Data(contentsOf: directory.appendingPathComponent(source.fileName)))
            #expect(extract.rowCount == summary.rows[source])
        }
        let people = try ExtractParser(source: .population, today: LocalDate(year: 2025, month: 1, day: 1)!)
            .parse(try Data(contentsOf: directory.appendingPathComponent("population.csv")))
        let numbers = people.personNumbers("person_number")
        #expect(Set(numbers).count == numbers.count)
        #expect(try numbers.allSatisfy { try PersonNumber(PersonNumber.digits($0)).isReplacementNumber })
        #expect(Double(summary.children) / Double(summary.persons) > 0.18)
        #expect((0.05...0.10).contains(summary.reportRate), "report rate \(summary.reportRate)")
        #expect((0.003...0.02).contains(summary.placementRate), "placement rate \(summary.placementRate)")
    }

    /// The generator's outcomes come from the truth model applied to the very indicator table the
    /// engine computes from its extracts, so a fit can be checked against the truth.
    @Test func outcomesFollowTheTruthModel() throws {
        let generator = PopulationGenerator(inhabitants: 40_000, years: 5, seed: 3)
        let (population, table) = generator.build()
        let recomputed = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: population.data, asOf: generator.asOf)
        #expect(recomputed.values == table.values)
        #expect(recomputed.outcome.map { $0.map(Int.init) } == population.outcomes.map(Int.init))
        let reports = table.definitions.firstIndex { $0.id == "reports_of_concern" }!
        func rate(_ flagged: UInt8) -> Double {
            let rows = table.children.indices.filter { table.values[reports][$0] == flagged }
            return Double(rows.filter { population.outcomes[$0] == 1 }.count) / Double(rows.count)
        }
        #expect(rate(1) > 2 * rate(0))
    }
}
