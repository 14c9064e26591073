import Foundation
import OmsorgDomain

extension SyntheticPopulation {
    /// One CSV per source, in its declared schema. Returns the rows written per source.
    func writeExtracts(into directory: URL) throws -> [SourceSystem: Int] {
        var rows: [SourceSystem: Int] = [:]
        var population = try CSVWriter(url: directory.appendingPathComponent(SourceSystem.population.fileName),
                                       header: SourceSystem.population.schema.columns.map(\.name))
        for person in 0..<personCount {
            population.text(data.keys[person]); population.date(data.birthDay[person])
            population.text(female[person] ? "F" : "M"); population.text("H\(household[person])")
            population.endRow()
        }
        try population.close()
        rows[.population] = personCount
        var custody = try CSVWriter(url: directory.appendingPathComponent(SourceSystem.custody.fileName),
                                    header: SourceSystem.custody.schema.columns.map(\.name))
        var custodyRows = 0
        for child in 0..<personCount {
            for parent in data.parents[child] {
                custody.text(data.keys[child]); custody.text(data.keys[Int(parent)]); custody.endRow()
                custodyRows += 1
            }
        }
        try custody.close()
        rows[.custody] = custodyRows
        for source in SourceSystem.allCases where source.isEventSource {
            rows[source] = try write(source, to: directory.appendingPathComponent(source.fileName))
        }
        return rows
    }

    /// Writes an event source by its schema: the first date or month column is the event's day.
    private func write(_ source: SourceSystem, to url: URL) throws -> Int {
        let schema = source.schema
        var writer = try CSVWriter(url: url, header: schema.columns.map(\.name))
        let events = data.events[source] ?? .init()
        for row in 0..<events.count {
            for column in schema.columns {
                switch column.kind {
                case .personNumber, .identifier: writer.text(data.keys[Int(events.subject[row])])
                case .date: writer.date(events.day[row])
                case .optionalDate: writer.date(events.endDay[row])
                case .month: writer.month(events.day[row])
                case .enumeration(let values): writer.text(values[Int(events.code[row])])
                case .integer: writer.int(Int(events.value[row]))
                }
            }
            writer.endRow()
        }
        try writer.close()
        return events.count
    }

    /// The truth: the model's coefficients, and each child's probability and outcome.
    func writeTruth(_ table: IndicatorTable, into directory: URL) throws {
        var coefficients = try CSVWriter(url: directory.appendingPathComponent("coefficients.csv"), header: ["term", "coefficient"])
        coefficients.text("intercept"); coefficients.text(String(TruthModel.intercept)); coefficients.endRow()
        for definition in table.definitions {
            coefficients.text(definition.column); coefficients.text(String(TruthModel.coefficients[definition.column] ?? 0))
            coefficients.endRow()
        }
        try coefficients.close()
        var children = try CSVWriter(url: directory.appendingPathComponent("children.csv"),
                                     header: ["person_number", "as_of", "probability", "outcome"] + table.definitions.map(\.column))
        for (row, child) in table.children.enumerated() {
            children.text(data.keys[Int(child)]); children.date(Int32(table.asOf.daysSinceEpoch))
            children.text(String(format: "%.6f", probabilities[row])); children.int(Int(outcomes[row]))
            for column in table.values { children.int(Int(column[row])) }
            children.endRow()
        }
        try children.close()
    }
}
