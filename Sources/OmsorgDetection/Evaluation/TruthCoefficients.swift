import Foundation

/// The coefficients a synthetic municipality's outcomes were drawn from (`truth/coefficients.csv`
/// of `omsorg generate`): what an evaluation measures a fit's intervals and the best possible AUC against.
public struct TruthCoefficients: Sendable, Equatable {
    public let intercept: Double
    public let coefficients: [String: Double]

    public init(csv data: Data) throws(TableError) {
        var terms: [String: Double] = [:]
        var errors = CSVRowErrors(limit: 20)
        var sawHeader = false
        CSV.forEachRecord(in: data) { line, fields in
            guard sawHeader else { sawHeader = true; return }
            let cells = fields.map { CSV.text(CSV.trimmed($0)) }
            guard cells.count == 2, let value = Double(cells[1]), value.isFinite else {
                return errors.report(.init(line: line, column: cells.count == 2 ? "coefficient" : nil, message: "expected a term and a number"))
            }
            terms[cells[0]] = value
        }
        guard sawHeader else { throw .empty }
        if errors.total > 0 { throw .rows(errors.listed, total: errors.total) }
        guard let intercept = terms.removeValue(forKey: DesignTable.interceptName) else {
            throw .missingColumn(DesignTable.interceptName, role: "intercept term", available: terms.keys.sorted())
        }
        self.intercept = intercept
        self.coefficients = terms
    }

    /// The truth's terms that `table` has no column for.
    public func missingTerms(in table: IndicatorTable) -> [String] {
        let columns = Set(table.definitions.map(\.column))
        return coefficients.keys.filter { !columns.contains($0) }.sorted()
    }

    /// The true probability of each row of `table`, which holds every term (`missingTerms` is empty).
    public func probabilities(_ table: IndicatorTable) -> [Double] {
        let terms = table.definitions.indices.compactMap { index in coefficients[table.definitions[index].column].map { (index, $0) } }
        return table.children.indices.map { row in
            1 / (1 + exp(-terms.reduce(intercept) { $0 + (table.values[$1.0][row] == 1 ? $1.1 : 0) }))
        }
    }
}
