import Dispatch
import Foundation

/// A logistic model's log-likelihood and its first two derivatives at one set of coefficients, from
/// one pass over a table: ℓ = Σ wᵢ (yᵢ ηᵢ − log(1 + e^ηᵢ)), the score Xᵀ W (y − μ) and the
/// information Xᵀ diag(wᵢ μᵢ (1 − μᵢ)) X, with the intercept as column 0.
///
/// The rows are cut into a fixed number of ranges summed on the cores at once and added up in
/// order, so that the result is the same on any machine. Within a range, a dense table goes in
/// blocks small enough that a block of every column stays in cache while the information's upper
/// triangle is summed over it, each entry a dot product of contiguous columns; a sparse one
/// (`SparseRows`) goes row by row over the pairs of its nonzero columns.
struct LogisticLikelihood {
    let logLikelihood: Double
    let score: [Double]
    let information: SymmetricMatrix
    /// Observations (weighted) whose fitted probability is within `saturation` of their outcome.
    let saturatedObservations: Double

    /// Beyond |η| ≈ 18.4: the probability is 0 or 1 to eight digits.
    static let saturation = 1e-8
    private static let blockRows = 512
    /// Ranges of rows summed in parallel; fewer rows than `rowsPerRange` make one range.
    private static let ranges = 16, rowsPerRange = 16_384

    init(_ table: DesignTable, at coefficients: [Double], sparse: SparseRows? = nil) {
        let n = table.rowCount, order = table.columnCount + 1
        precondition(coefficients.count == order, "one coefficient per column and the intercept")
        let count = n < Self.rowsPerRange ? 1 : Self.ranges
        var parts = [Sums](repeating: Sums(order: 0), count: count)
        parts.withUnsafeMutableBufferPointer { parts in
            // Each iteration writes its own element only.
            nonisolated(unsafe) let first = parts.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { part in
                let rows = (part * n / count)..<((part + 1) * n / count)
                first[part] = sparse.map { Sums(table, $0, rows, coefficients) } ?? Sums(table, rows, coefficients)
            }
        }
        var total = parts[0]
        for part in parts.dropFirst() { total.add(part) }
        logLikelihood = total.logLikelihood
        score = total.score
        information = SymmetricMatrix(order: order, upper: total.upper)
        saturatedObservations = total.saturated
    }

    /// One range's sums.
    private struct Sums {
        var logLikelihood = 0.0, saturated = 0.0
        var score: [Double]
        /// Row-major, only the upper triangle filled.
        var upper: [Double]

        init(order: Int) {
            score = Array(repeating: 0, count: order)
            upper = Array(repeating: 0, count: order * order)
        }

        mutating func add(_ other: Sums) {
            logLikelihood += other.logLikelihood
            saturated += other.saturated
            for i in score.indices { score[i] += other.score[i] }
            for i in upper.indices { upper[i] += other.upper[i] }
        }

        /// A row's contribution to the likelihood, and its variance and residual, weighted.
        private mutating func row(linear: Double, outcome: Double, weight: Double) -> (variance: Double, residual: Double) {
            // e^−|η| cannot overflow; μ and log(1 + e^η) are written from it on either side of 0.
            let small = exp(-abs(linear))
            let probability = linear >= 0 ? 1 / (1 + small) : small / (1 + small)
            logLikelihood += weight * (outcome * linear - max(linear, 0) - log1p(small))
            if abs(outcome - probability) < LogisticLikelihood.saturation { saturated += weight }
            // μ (1 − μ) as e^−|η| / (1 + e^−|η|)², not from 1 − μ, which cancels near μ = 1.
            return (weight * small / ((1 + small) * (1 + small)), weight * (outcome - probability))
        }

        init(_ table: DesignTable, _ rows: Range<Int>, _ coefficients: [Double]) {
            let n = table.rowCount, columns = table.columnCount, order = columns + 1
            self.init(order: order)
            let block = LogisticLikelihood.blockRows
            let eta = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
            let variance = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
            let residual = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
            // Every column of the block times the variance: the left sides of the information's products.
            let weighted = UnsafeMutableBufferPointer<Double>.allocate(capacity: block * max(1, columns))
            defer { eta.deallocate(); variance.deallocate(); residual.deallocate(); weighted.deallocate() }
            table.values.withUnsafeBufferPointer { x in
                var start = rows.lowerBound
                while start < rows.upperBound {
                    let m = min(block, rows.upperBound - start)
                    for i in 0..<m { eta[i] = coefficients[0] }
                    for j in 0..<columns {
                        let beta = coefficients[j + 1], column = x.baseAddress! + j * n + start
                        for i in 0..<m { eta[i] += beta * column[i] }
                    }
                    for i in 0..<m {
                        (variance[i], residual[i]) = row(linear: eta[i], outcome: table.outcome[start + i], weight: table.weights?[start + i] ?? 1)
                    }
                    score[0] += LogisticLikelihood.sum(residual.baseAddress!, m)
                    upper[0] += LogisticLikelihood.sum(variance.baseAddress!, m)
                    for j in 0..<columns {
                        let column = x.baseAddress! + j * n + start, left = weighted.baseAddress! + j * block
                        for i in 0..<m { left[i] = variance[i] * column[i] }
                        score[j + 1] += LogisticLikelihood.dot(residual.baseAddress!, column, m)
                        upper[j + 1] += LogisticLikelihood.sum(left, m)
                    }
                    upper.withUnsafeMutableBufferPointer { upper in
                        LogisticLikelihood.addProducts(weighted.baseAddress!, stride: block, x.baseAddress! + start, stride: n,
                                                       columns: columns, rows: m, into: upper.baseAddress! + order + 1, order: order)
                    }
                    start += m
                }
            }
        }

        init(_ table: DesignTable, _ sparse: SparseRows, _ rows: Range<Int>, _ coefficients: [Double]) {
            let order = table.columnCount + 1
            self.init(order: order)
            var triangle = upper, gradient = score
            sparse.columns.withUnsafeBufferPointer { columns in
                sparse.values.withUnsafeBufferPointer { values in
                    gradient.withUnsafeMutableBufferPointer { score in
                        triangle.withUnsafeMutableBufferPointer { triangle in
                            for i in rows {
                                let nonzeros = sparse.start[i]..<sparse.start[i + 1]
                                var linear = coefficients[0]
                                for position in nonzeros { linear += coefficients[Int(columns[position]) + 1] * values[position] }
                                let (variance, residual) = row(linear: linear, outcome: table.outcome[i], weight: table.weights?[i] ?? 1)
                                score[0] += residual
                                triangle[0] += variance
                                for position in nonzeros {
                                    let j = Int(columns[position]) + 1, weighted = variance * values[position]
                                    score[j] += residual * values[position]
                                    triangle[j] += weighted
                                    // Nonzeros are in column order, so j ≤ k: the upper triangle.
                                    for other in position..<nonzeros.upperBound {
                                        triangle[j * order + Int(columns[other]) + 1] += weighted * values[other]
                                    }
                                }
                            }
                        }
                    }
                }
            }
            upper = triangle
            score = gradient
        }
    }

    /// Adds the upper triangle of Lᵀ X over `rows` to `information` (row-major, `order` wide), L's
    /// and X's columns `stride` apart. In tiles of four columns of L by two of X: each pass over the
    /// rows then loads six values for eight products, where one product at a time loads two.
    fileprivate static func addProducts(_ left: UnsafePointer<Double>, stride leftStride: Int, _ x: UnsafePointer<Double>, stride xStride: Int,
                                        columns: Int, rows: Int, into information: UnsafeMutablePointer<Double>, order: Int) {
        for j in Swift.stride(from: 0, to: columns, by: 4) {
            for k in Swift.stride(from: j, to: columns, by: 2) {
                if j + 4 <= columns && k + 2 <= columns {
                    let sums = tile(left + j * leftStride, leftStride, x + k * xStride, xStride, rows)
                    for a in 0..<4 { for b in 0..<2 where k + b >= j + a { information[(j + a) * order + k + b] += sums[a * 2 + b] } }
                } else {
                    for a in 0..<min(4, columns - j) {
                        for b in 0..<min(2, columns - k) where k + b >= j + a {
                            information[(j + a) * order + k + b] += dot(left + (j + a) * leftStride, x + (k + b) * xStride, rows)
                        }
                    }
                }
            }
        }
    }

    private static func tile(_ l: UnsafePointer<Double>, _ ls: Int, _ x: UnsafePointer<Double>, _ xs: Int, _ count: Int) -> SIMD8<Double> {
        var s00 = 0.0, s01 = 0.0, s10 = 0.0, s11 = 0.0, s20 = 0.0, s21 = 0.0, s30 = 0.0, s31 = 0.0
        let l0 = l, l1 = l + ls, l2 = l + 2 * ls, l3 = l + 3 * ls, x0 = x, x1 = x + xs
        for i in 0..<count {
            let a = x0[i], b = x1[i]
            s00 += l0[i] * a; s01 += l0[i] * b
            s10 += l1[i] * a; s11 += l1[i] * b
            s20 += l2[i] * a; s21 += l2[i] * b
            s30 += l3[i] * a; s31 += l3[i] * b
        }
        return SIMD8(s00, s01, s10, s11, s20, s21, s30, s31)
    }

    // Four partial sums: a single running sum is a chain of dependent additions that the compiler
    // may not reorder, four independent ones it can keep in vector registers.
    fileprivate static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, i = 0
        while i + 4 <= count {
            s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < count { s0 += a[i] * b[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    fileprivate static func sum(_ a: UnsafePointer<Double>, _ count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, i = 0
        while i + 4 <= count {
            s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3]
            i += 4
        }
        while i < count { s0 += a[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
