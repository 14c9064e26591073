import Foundation

/// A fitted model applied to an indicator table: each child's probability of the outcome.
public struct ModelScorer: Sendable {
    public let model: FitSummary

    public init(_ model: FitSummary) { self.model = model }

    /// The model's covariates that the table lacks: indicator versions it was not computed with.
    public func missingColumns(in table: IndicatorTable) -> [String] {
        let columns = Set(table.definitions.map(\.column))
        return model.covariates.map(\.name).filter { !columns.contains($0) }
    }

    /// One probability per child row; the table must hold every covariate (`missingColumns` is empty).
    public func scores(_ table: IndicatorTable) -> [Double] {
        let terms = model.covariates.map { coefficient in
            (table.definitions.firstIndex { $0.column == coefficient.name }!, coefficient.estimate)
        }
        return table.children.indices.map { row in
            let logit = terms.reduce(model.intercept) { $0 + (table.values[$1.0][row] == 1 ? $1.1 : 0) }
            return 1 / (1 + exp(-logit))
        }
    }
}
