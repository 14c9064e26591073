/// The Cholesky factor L (A = L Lᵀ) of a symmetric positive-definite matrix, for solving with it
/// and inverting it. The factor is of the matrix scaled to a unit diagonal (D A D, D = diag(a_ii)^-½):
/// columns measured in kroner and in 0/1 would otherwise make pivots of wildly different size, and
/// the scaling costs nothing in exactness (it is undone on the way out).
public struct Cholesky: Sendable {
    public let order: Int
    /// Row-major; only the lower triangle is used.
    private var lower: [Double]
    private let scale: [Double]

    /// Nil when the matrix is not numerically positive definite: a pivot of the scaled matrix falls
    /// to `minimumPivot` or below (1 − R² of a column on those before it).
    public init?(_ matrix: SymmetricMatrix, minimumPivot: Double = 1e-14) {
        let n = matrix.order
        order = n
        var scale = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let diagonal = matrix[i, i]
            guard diagonal > 0, diagonal.isFinite else { return nil }
            scale[i] = 1 / diagonal.squareRoot()
        }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i { a[i * n + j] = matrix[i, j] * scale[i] * scale[j] }
        }
        for j in 0..<n {
            var pivot = a[j * n + j]
            for k in 0..<j { pivot -= a[j * n + k] * a[j * n + k] }
            guard pivot > minimumPivot else { return nil }
            let root = pivot.squareRoot()
            a[j * n + j] = root
            for i in (j + 1)..<max(j + 1, n) {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= a[i * n + k] * a[j * n + k] }
                a[i * n + j] = sum / root
            }
        }
        lower = a
        self.scale = scale
    }

    /// x with A x = b.
    public func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == order, "one value per row")
        let n = order
        var x = (0..<n).map { b[$0] * scale[$0] }
        for i in 0..<n {
            var sum = x[i]
            for k in 0..<i { sum -= lower[i * n + k] * x[k] }
            x[i] = sum / lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<max(i + 1, n) { sum -= lower[k * n + i] * x[k] }
            x[i] = sum / lower[i * n + i]
        }
        return (0..<n).map { x[$0] * scale[$0] }
    }

    /// A⁻¹, column by column: the orders here are a model's coefficients, tens at most.
    public func inverse() -> SymmetricMatrix {
        var result = SymmetricMatrix(order: order)
        for column in 0..<order {
            var unit = [Double](repeating: 0, count: order)
            unit[column] = 1
            let solved = solve(unit)
            for row in 0...column { result[row, column] = solved[row] }
        }
        return result
    }
}
