/// Data a logistic model cannot be fitted on, with the columns that make it so.
public enum DegenerateDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRows
    /// Every row has this outcome.
    case constantOutcome(Double)
    case constantColumns([String])
    /// Groups of columns equal row for row, each group in the table's order.
    case duplicateColumns([[String]])
    case collinearColumns([Collinearity])
    /// Values of `columns` predict the outcome without error for some or all rows, so the
    /// likelihood grows without bound and the estimates do not exist.
    case separation(columns: [String], detail: String)
    /// The information matrix lost its positive definiteness during the iterations.
    case singularInformation(iteration: Int)

    public struct Collinearity: Equatable, Sendable, CustomStringConvertible {
        public let column: String
        /// The columns (possibly including the intercept) it is a linear combination of.
        public let combinationOf: [String]

        public var description: String {
            combinationOf.isEmpty ? column : "\(column) = a linear combination of \(Self.list(combinationOf))"
        }

        static func list(_ names: [String]) -> String {
            names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    public var description: String {
        switch self {
        case .noRows:
            "The table has no rows to fit."
        case .constantOutcome(let outcome):
            "Every row has outcome \(Int(outcome)); a model needs rows of both outcomes."
        case .constantColumns(let columns):
            "Constant column(s) \(Collinearity.list(columns)): a column with one value throughout cannot be told apart from the intercept. Leave \(columns.count == 1 ? "it" : "them") out."
        case .duplicateColumns(let groups):
            "Duplicate columns: " + groups.map { "\(Collinearity.list($0)) are equal in every row" }.joined(separator: "; ")
                + ". Keep one of each."
        case .collinearColumns(let dependences):
            "Collinear columns: " + dependences.map(\.description).joined(separator: "; ")
                + ". Their coefficients cannot be told apart: leave out one column of each combination."
        case .separation(let columns, let detail):
            "Separation by \(Collinearity.list(columns)): \(detail), so the likelihood has no maximum and the coefficients no finite estimate. Leave the column(s) out, merge their categories, or fit with an L2 penalty."
        case .singularInformation(let iteration):
            "The information matrix became singular at iteration \(iteration); the data do not determine every coefficient."
        }
    }
}
