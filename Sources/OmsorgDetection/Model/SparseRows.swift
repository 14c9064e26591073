/// A table's nonzero values row by row, for tables that are mostly zeros, as indicator tables are:
/// a row's share of the information is then a sum over the pairs of its nonzero columns, a few
/// dozen products where the dense sum takes one per pair of all columns.
struct SparseRows: Sendable {
    /// Row `i`'s nonzeros are at `start[i] ..< start[i + 1]`.
    let start: [Int]
    let columns: [Int32]
    let values: [Double]

    /// Above this share of nonzero values the dense sums, which vectorise, are faster.
    static let densest = 0.25

    /// The table's rows, or nil when too many of its values are nonzero.
    init?(_ table: DesignTable) {
        let n = table.rowCount, count = table.values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        guard table.columnCount > 0, Double(count) <= Self.densest * Double(table.values.count) else { return nil }
        var start = [Int](repeating: 0, count: n + 1)
        // Row by row, so that the nonzeros are written in order, each row's in column order.
        var values: [Double] = []
        let columns = [Int32](unsafeUninitializedCapacity: count) { columnsOut, columnsWritten in
            values = [Double](unsafeUninitializedCapacity: count) { valuesOut, valuesWritten in
                table.values.withUnsafeBufferPointer { x in
                    start.withUnsafeMutableBufferPointer { start in
                        var next = 0
                        for i in 0..<n {
                            for j in 0..<table.columnCount where x[j * n + i] != 0 {
                                columnsOut[next] = Int32(j)
                                valuesOut[next] = x[j * n + i]
                                next += 1
                            }
                            start[i + 1] = next
                        }
                    }
                }
                valuesWritten = count
            }
            columnsWritten = count
        }
        self.start = start
        self.columns = columns
        self.values = values
    }
}
