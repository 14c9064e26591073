extension LogisticRegression {
    /// Constant columns, then columns equal to another: the commonest ways a table gets a column
    /// the intercept or another column already is, named plainly before the general collinearity check.
    static func checkColumns(of table: DesignTable) throws(DegenerateDataError) {
        let constant = table.columnNames.indices.filter { j in
            let column = table.column(j)
            return column.allSatisfy { $0 == column.first }
        }
        if !constant.isEmpty { throw .constantColumns(constant.map { table.columnNames[$0] }) }
        var grouped = Set<Int>()
        var groups: [[String]] = []
        for j in table.columnNames.indices where !grouped.contains(j) {
            let equal = ((j + 1)..<table.columnCount).filter { !grouped.contains($0) && table.column($0) == table.column(j) }
            guard !equal.isEmpty else { continue }
            grouped.formUnion(equal)
            groups.append(([j] + equal).map { table.columnNames[$0] })
        }
        if !groups.isEmpty { throw .duplicateColumns(groups) }
    }

    /// Separation by a single column: its values for one outcome all at or below its values for
    /// the other (quasi-complete when the two touch). An indicator that is 1 only for rows of one
    /// outcome is the usual case. Separation by a combination is found after the fit.
    static func checkSeparationByOneColumn(_ table: DesignTable) throws(DegenerateDataError) {
        var columns: [String] = [], details: [String] = []
        for j in table.columnNames.indices {
            var low = [Double.infinity, .infinity], high = [-Double.infinity, -.infinity]
            for (value, outcome) in zip(table.column(j), table.outcome) {
                let group = Int(outcome)
                low[group] = min(low[group], value)
                high[group] = max(high[group], value)
            }
            let name = table.columnNames[j]
            for (above, below) in [(1, 0), (0, 1)] where high[below] <= low[above] {
                columns.append(name)
                details.append("every row with outcome \(above) has \(name) ≥ \(PlainNumber.text(low[above])) and every row with outcome \(below) has \(name) ≤ \(PlainNumber.text(high[below]))"
                               + (high[below] == low[above] ? " (quasi-complete)" : " (complete)"))
                break
            }
        }
        if !columns.isEmpty { throw .separation(columns: columns, detail: details.joined(separator: "; ")) }
    }

    /// The columns along which the fit ran off to infinity, if it did. Under separation the last
    /// Newton steps point along a direction d with Xd ≥ 0 for every row of outcome 1 and ≤ 0 for
    /// every row of outcome 0: the likelihood still grows along it, while in every other direction
    /// the steps have shrunk to nothing. At a true maximum the last step is rounding noise, whose
    /// signs do not line up with the outcome. Named are the columns that move Xd by more than a
    /// thousandth of its largest value, less those (smallest first) without which d still separates:
    /// under complete separation many directions separate, and the fewest columns say most.
    static func separatingColumns(_ table: DesignTable, direction: [Double], names: [String]) -> [String]? {
        var direction = direction
        let ranges = table.columnNames.indices.map { j in table.column(j).max()! - table.column(j).min()! }
        guard let largest = largestSeparating(table, direction) else { return nil }
        var columns = table.columnNames.indices.filter { abs(direction[$0 + 1]) * ranges[$0] > 1e-3 * largest }
        for j in columns.sorted(by: { abs(direction[$0 + 1]) * ranges[$0] < abs(direction[$1 + 1]) * ranges[$1] }) where columns.count > 1 {
            var without = direction
            without[j + 1] = 0
            if largestSeparating(table, without) != nil {
                direction = without
                columns.removeAll { $0 == j }
            }
        }
        return columns.isEmpty ? nil : columns.map { names[$0 + 1] }
    }

    /// max |Xd| when d separates the outcomes (within a millionth of it), else nil.
    private static func largestSeparating(_ table: DesignTable, _ direction: [Double]) -> Double? {
        var linear = [Double](repeating: direction[0], count: table.rowCount)
        for j in table.columnNames.indices where direction[j + 1] != 0 {
            for (i, value) in table.column(j).enumerated() { linear[i] += direction[j + 1] * value }
        }
        let largest = linear.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else { return nil }
        let slack = 1e-6 * largest
        for i in linear.indices where table.outcome[i] == 1 ? linear[i] < -slack : linear[i] > slack { return nil }
        return largest
    }
}
