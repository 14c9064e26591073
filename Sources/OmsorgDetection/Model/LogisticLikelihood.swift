import Foundation

/// A logistic model's log-likelihood and its first two derivatives at one set of coefficients, from
/// one pass over a table: ℓ = Σ wᵢ (yᵢ ηᵢ − log(1 + e^ηᵢ)), the score Xᵀ W (y − μ) and the
/// information Xᵀ diag(wᵢ μᵢ (1 − μᵢ)) X, with the intercept as column 0.
///
/// The rows go in blocks small enough that a block of every column stays in cache while the
/// information's upper triangle is summed over it, each entry a dot product of contiguous columns.
struct LogisticLikelihood {
    let logLikelihood: Double
    let score: [Double]
    let information: SymmetricMatrix
    /// Observations (weighted) whose fitted probability is within `saturation` of their outcome.
    let saturatedObservations: Double

    /// Beyond |η| ≈ 18.4: the probability is 0 or 1 to eight digits.
    static let saturation = 1e-8
    private static let blockRows = 512

    init(_ table: DesignTable, at coefficients: [Double]) {
        let n = table.rowCount, columns = table.columnCount, order = columns + 1
        precondition(coefficients.count == order, "one coefficient per column and the intercept")
        var upper = [Double](repeating: 0, count: order * order)
        var score = [Double](repeating: 0, count: order)
        var logLikelihood = 0.0, saturated = 0.0
        let block = Self.blockRows
        let eta = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
        let variance = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
        let residual = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
        let weighted = UnsafeMutableBufferPointer<Double>.allocate(capacity: block)
        defer { eta.deallocate(); variance.deallocate(); residual.deallocate(); weighted.deallocate() }
        table.values.withUnsafeBufferPointer { x in
            table.outcome.withUnsafeBufferPointer { y in
                Self.withOptionalBuffer(table.weights) { w in
                    var start = 0
                    while start < n {
                        let m = min(block, n - start)
                        for i in 0..<m { eta[i] = coefficients[0] }
                        for j in 0..<columns {
                            let beta = coefficients[j + 1], column = x.baseAddress! + j * n + start
                            for i in 0..<m { eta[i] += beta * column[i] }
                        }
                        for i in 0..<m {
                            let linear = eta[i], outcome = y[start + i], weight = w?[start + i] ?? 1
                            // e^−|η| cannot overflow; μ and log(1 + e^η) are written from it on either side of 0.
                            let small = exp(-abs(linear))
                            let probability = linear >= 0 ? 1 / (1 + small) : small / (1 + small)
                            logLikelihood += weight * (outcome * linear - max(linear, 0) - log1p(small))
                            // μ (1 − μ) as e^−|η| / (1 + e^−|η|)², not from 1 − μ, which cancels near μ = 1.
                            variance[i] = weight * small / ((1 + small) * (1 + small))
                            residual[i] = weight * (outcome - probability)
                            if abs(outcome - probability) < Self.saturation { saturated += weight }
                        }
                        score[0] += Self.sum(residual.baseAddress!, m)
                        upper[0] += Self.sum(variance.baseAddress!, m)
                        for j in 0..<columns {
                            let column = x.baseAddress! + j * n + start
                            for i in 0..<m { weighted[i] = variance[i] * column[i] }
                            score[j + 1] += Self.dot(residual.baseAddress!, column, m)
                            upper[j + 1] += Self.sum(weighted.baseAddress!, m)
                            for k in j..<columns {
                                upper[(j + 1) * order + k + 1] += Self.dot(weighted.baseAddress!, x.baseAddress! + k * n + start, m)
                            }
                        }
                        start += m
                    }
                }
            }
        }
        self.logLikelihood = logLikelihood
        self.score = score
        information = SymmetricMatrix(order: order, upper: upper)
        saturatedObservations = saturated
    }

    private static func withOptionalBuffer<R>(_ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> R) -> R {
        guard let array else { return body(nil) }
        return array.withUnsafeBufferPointer { body($0) }
    }

    // Four partial sums: a single running sum is a chain of dependent additions that the compiler
    // may not reorder, four independent ones it can keep in vector registers.
    private static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, i = 0
        while i + 4 <= count {
            s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < count { s0 += a[i] * b[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    private static func sum(_ a: UnsafePointer<Double>, _ count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, i = 0
        while i + 4 <= count {
            s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3]
            i += 4
        }
        while i < count { s0 += a[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
