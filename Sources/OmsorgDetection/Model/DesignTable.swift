/// A numeric table to fit a model on: the covariates column by column in one contiguous array, the
/// 0/1 outcome, and optionally how many observations each row stands for. Column-major because a
/// fit's work is sums down columns (Xᵀr, XᵀWX), which then run over contiguous memory.
public struct DesignTable: Sendable, Equatable {
    public let columnNames: [String]
    /// Column `j` is `values[j * rowCount ..< (j + 1) * rowCount]`.
    public let values: [Double]
    /// 0 or 1 per row.
    public let outcome: [Double]
    /// Frequency weights, positive: a row of weight 3 is three identical observations. Nil: 1 each.
    public let weights: [Double]?

    public var rowCount: Int { outcome.count }
    public var columnCount: Int { columnNames.count }

    /// The model's own name for its constant term, which no column may take.
    public static let interceptName = "intercept"

    /// The caller vouches for the values (finite, outcome 0/1, positive weights): the CSV reader
    /// checks them row by row, and other callers build tables from checked data.
    public init(columnNames: [String], values: [Double], outcome: [Double], weights: [Double]? = nil) {
        precondition(values.count == columnNames.count * outcome.count, "one value per row and column")
        precondition(weights == nil || weights?.count == outcome.count, "one weight per row")
        precondition(!columnNames.contains(Self.interceptName), "no column may be named \(Self.interceptName)")
        self.columnNames = columnNames
        self.values = values
        self.outcome = outcome
        self.weights = weights
    }

    /// Columns given one by one, as tests and small callers have them.
    public init(columns: [(name: String, values: [Double])], outcome: [Double], weights: [Double]? = nil) {
        self.init(columnNames: columns.map(\.name), values: columns.flatMap(\.values), outcome: outcome, weights: weights)
    }

    public func column(_ index: Int) -> ArraySlice<Double> {
        values[(index * rowCount)..<((index + 1) * rowCount)]
    }

    /// The observations the rows stand for: the sum of the weights.
    public var observationCount: Double { weights?.reduce(0, +) ?? Double(rowCount) }

    /// The weighted count of rows with outcome 1.
    public var eventCount: Double {
        guard let weights else { return outcome.reduce(0, +) }
        return zip(outcome, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
