extension SymmetricMatrix {
    /// A column that is, within rounding, a linear combination of others.
    struct Dependence: Equatable {
        let column: Int
        /// The columns of the combination, in index order.
        let on: [Int]
    }

    /// The columns of a positive semi-definite cross-product matrix (XᵀWX) that depend linearly on
    /// the others, from a Cholesky factorisation that takes the largest remaining pivot first.
    /// On the matrix scaled to a unit diagonal a pivot is 1 − R² of its column regressed on the
    /// columns taken before it, so `tolerance` reads as "R² within 1e-10 of 1". Ties go to the lower
    /// index, so of two collinear columns the later one is named as dependent.
    func linearDependences(tolerance: Double = 1e-10) -> [Dependence] {
        let n = order
        var scale = [Double](repeating: 0, count: n)
        for i in 0..<n { scale[i] = self[i, i] > 0 ? 1 / self[i, i].squareRoot() : 0 }
        var a = elements
        for i in 0..<n {
            for j in 0..<n { a[i * n + j] *= scale[i] * scale[j] }
        }
        var order = Array(0..<n)
        var rank = 0
        while rank < n {
            var best = rank
            for candidate in rank..<n where a[order[candidate] * n + order[candidate]] > a[order[best] * n + order[best]] {
                best = candidate
            }
            let pivot = order[best]
            guard a[pivot * n + pivot] > tolerance else { break }
            order.swapAt(rank, best)
            let root = a[pivot * n + pivot].squareRoot()
            let remaining = order[(rank + 1)...]
            for i in remaining { a[i * n + pivot] /= root }
            for i in remaining {
                for j in remaining { a[i * n + j] -= a[i * n + pivot] * a[j * n + pivot] }
            }
            rank += 1
        }
        guard rank < n else { return [] }
        let independent = order[..<rank].sorted()
        // The combination itself, to name the columns it uses: the regression of the dependent
        // column on the independent ones, whose matrix is well conditioned by the choice of pivots.
        let factor = rank > 0 ? Cholesky(restricted(to: independent), minimumPivot: 0) : nil
        return order[rank...].sorted().map { column in
            guard let factor else { return Dependence(column: column, on: []) }
            let coefficients = factor.solve(independent.map { self[$0, column] })
            let used = zip(independent, coefficients).filter { index, coefficient in
                abs(coefficient) * (scale[column] > 0 ? self[index, index].squareRoot() * scale[column] : 0) > 1e-6
            }
            return Dependence(column: column, on: used.map(\.0))
        }
    }
}
