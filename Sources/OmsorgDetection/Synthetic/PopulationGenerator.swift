import Foundation
import OmsorgDomain

/// A deterministic synthetic municipality: households, children and custody holders, one extract per
/// source system over `years`, and each year's reports of concern from `TruthModel`. Nobody in it is real: every person
/// number is a replacement number (day + 60), which CPR never issues as a birth number.
public struct PopulationGenerator {
    public var inhabitants: Int
    public var years: Int
    public var seed: UInt64
    /// The last day the extracts cover.
    public var end: LocalDate

    public init(inhabitants: Int, years: Int, seed: UInt64, end: LocalDate = LocalDate(year: 2024, month: 12, day: 31)!) {
        self.inhabitants = inhabitants
        self.years = years
        self.seed = seed
        self.end = end
    }

    /// The reference date of the truth: outcomes fall in the last 12 months of the data.
    public var asOf: LocalDate { end.addingDays(1).addingMonths(-12) }

    var firstDay: Int32 { Int32(end.addingDays(1).addingMonths(-12 * years).daysSinceEpoch) }
    var lastDay: Int32 { Int32(end.daysSinceEpoch) }

    public struct Summary: Sendable {
        public let persons: Int
        public let children: Int
        public let households: Int
        public let rows: [SourceSystem: Int]
        /// Share of children with a report of concern in the outcome year.
        public let reportRate: Double
        /// Share of children placed at some time in the data.
        public let placementRate: Double
    }

    /// Builds the population in memory. The data set's keys are person numbers.
    public func build(progress: (String) -> Void = { _ in }) -> (SyntheticPopulation, IndicatorTable) {
        var random = SeededRandom(seed: seed)
        var population = SyntheticPopulation()
        while population.personCount < inhabitants {
            population.addHousehold(using: &random, end: end)
        }
        progress("generated \(population.personCount) persons in \(population.households) households")
        for family in population.families {
            SyntheticEvents.generate(for: family, into: &population, using: &random, from: firstDay, to: lastDay)
        }
        progress("generated the source-system events")
        // Every year's reports follow the truth model on the indicators at the year's start, so a
        // model trained on an earlier year and checked on a later one meets the same truth.
        var year = LocalDate(daysSinceEpoch: Int(firstDay))
        while year < asOf {
            let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: population.data, asOf: year, outcomeMonths: 12)
            _ = population.drawReports(table, using: &random, from: year, to: year.addingMonths(12), lastDay: lastDay)
            year = year.addingMonths(12)
        }
        let table = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: population.data, asOf: asOf, outcomeMonths: 12)
        population.drawOutcomes(table, using: &random, asOf: asOf, lastDay: lastDay)
        progress("drew outcomes for \(table.children.count) children from the truth model")
        return (population, table)
    }

    /// Writes the extracts and `truth/` into `directory`.
    @discardableResult
    public func generate(into directory: URL, progress: (String) -> Void = { _ in }) throws -> Summary {
        // The folder first: a country takes a while to build, and a folder that cannot be made should say so at once.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("truth"), withIntermediateDirectories: true)
        let (population, table) = build(progress: progress)
        let rows = try population.writeExtracts(into: directory)
        try population.writeTruth(table, into: directory.appendingPathComponent("truth"))
        progress("wrote \(rows.values.reduce(0, +)) rows to \(directory.path)")
        let outcomes = population.outcomes.map { Double($0) }
        return Summary(persons: population.personCount, children: table.children.count, households: population.households,
                       rows: rows, reportRate: outcomes.reduce(0, +) / Double(max(1, outcomes.count)),
                       placementRate: population.placementRate(children: table.children))
    }
}
