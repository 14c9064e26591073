import Foundation

/// Logistic regression by Newton's method (iteratively reweighted least squares), with Wald
/// inference from the inverse information at the estimates.
///
/// The penalised log-likelihood ℓ(β) − λ/2 Σⱼ βⱼ² (the intercept not penalised; λ = 0 is the
/// ordinary fit) is increased by Newton steps, each halved until it does not decrease. The fit has
/// converged when the deviance changes by less than `tolerance` relative to itself, as R's `glm`
/// judges it: |D − D_previous| / (|D| + 0.1). Weights are frequency weights: a row of weight k is
/// k identical observations, as statsmodels' GLM takes `freq_weights`, so the standard errors are
/// those of the expanded data. With a penalty they are from the penalised information,
/// (XᵀWX + λP)⁻¹.
public struct LogisticRegression: Sendable {
    /// Whether identical rows are merged into weighted patterns before fitting (the same fit).
    public enum Patterns: Sendable {
        /// When every covariate is a whole number and at most half the rows are distinct.
        case automatic
        case always
        case never
    }

    public var l2: Double
    public var maxIterations: Int
    /// On the relative change of the deviance. Newton converges quadratically, so a tight
    /// tolerance costs at most an iteration and leaves estimates exact to about the square root of
    /// machine precision relative to their standard errors, or better.
    public var tolerance: Double
    public var patterns: Patterns

    public init(l2: Double = 0, maxIterations: Int = 100, tolerance: Double = 1e-10, patterns: Patterns = .automatic) {
        precondition(l2 >= 0 && l2.isFinite, "the L2 penalty is a finite number, 0 or more")
        self.l2 = l2
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.patterns = patterns
    }

    /// Refuses degenerate data (no rows, one outcome only, constant, duplicate or collinear columns,
    /// separation without a penalty) naming the columns; warns of too few events per column, a fit
    /// that did not converge, and probabilities numerically 0 or 1.
    public func fit(_ table: DesignTable) throws(DegenerateDataError) -> LogisticFit {
        guard table.rowCount > 0 else { throw .noRows }
        let observations = table.observationCount, events = table.eventCount
        if events == 0 || events == observations { throw .constantOutcome(events == 0 ? 0 : 1) }
        try Self.checkColumns(of: table)
        let merged = mergedPatterns(of: table)
        let data = merged ?? table
        let sparse = SparseRows(data)
        let names = [DesignTable.interceptName] + table.columnNames
        let order = names.count

        var coefficients = [Double](repeating: 0, count: order)
        coefficients[0] = log(events / (observations - events))
        var current = LogisticLikelihood(data, at: coefficients, sparse: sparse)
        let dependences = current.information.linearDependences()
        if !dependences.isEmpty {
            throw .collinearColumns(dependences.map { dependence in
                .init(column: names[dependence.column], combinationOf: dependence.on.map { names[$0] })
            })
        }
        if l2 == 0 { try Self.checkSeparationByOneColumn(data) }

        var iterations = 0, converged = false
        var lastStep = [Double](repeating: 0, count: order)
        var factor = Cholesky(penalised(current.information))
        while iterations < maxIterations {
            guard let solver = factor else { break }
            let gradient = (0..<order).map { $0 == 0 ? current.score[0] : current.score[$0] - l2 * coefficients[$0] }
            let step = solver.solve(gradient)
            var scale = 1.0, accepted: ([Double], LogisticLikelihood)?
            let reached = objective(current, coefficients)
            for _ in 0..<Self.maxHalvings {
                let trial = (0..<order).map { coefficients[$0] + scale * step[$0] }
                let next = LogisticLikelihood(data, at: trial, sparse: sparse)
                // Rounding lets a step at the optimum lose the last digits; that is no failure.
                if objective(next, trial) >= reached - 1e-12 * abs(reached) {
                    accepted = (trial, next)
                    break
                }
                scale /= 2
            }
            guard let (trial, next) = accepted else { break }
            iterations += 1
            let deviance = -2 * objective(next, trial), previous = -2 * reached
            lastStep = (0..<order).map { trial[$0] - coefficients[$0] }
            coefficients = trial
            current = next
            factor = Cholesky(penalised(current.information))
            if abs(deviance - previous) / (abs(deviance) + 0.1) < tolerance {
                converged = true
                break
            }
        }

        var warnings: [ModelWarning] = []
        if current.saturatedObservations > 0 {
            if l2 == 0, let columns = Self.separatingColumns(data, direction: lastStep, names: names) {
                throw .separation(columns: columns, detail: "a combination of their values predicts the outcome of "
                                  + "\(PlainNumber.text(current.saturatedObservations)) observation(s) without error")
            }
            warnings.append(.extremeProbabilities(observations: current.saturatedObservations))
        }
        guard let factor else { throw .singularInformation(iteration: iterations) }
        if !converged { warnings.append(.notConverged(iterations: iterations)) }
        let rarer = min(events, observations - events)
        if table.columnCount > 0 && rarer < 10 * Double(table.columnCount) {
            warnings.insert(.fewEvents(events: rarer, outcome: events <= observations - events ? 1 : 0, columns: table.columnCount), at: 0)
        }
        let covariance = factor.inverse()
        return LogisticFit(
            coefficients: names.indices.map { .init(name: names[$0], estimate: coefficients[$0], standardError: covariance[$0, $0].squareRoot()) },
            logLikelihood: current.logLikelihood, iterations: iterations, converged: converged, warnings: warnings,
            rows: table.rowCount, observations: observations, patterns: merged?.rowCount, l2: l2)
    }

    private static let maxHalvings = 30

    static let patternLimit = 65_536

    private func mergedPatterns(of table: DesignTable) -> DesignTable? {
        switch patterns {
        case .never: nil
        case .always: table.distinctPatterns(limit: table.rowCount)
        // An indicator table has a few thousand patterns; one with more than `patternLimit` has
        // independent columns whose rows seldom repeat, and counting them all would cost more than it saves.
        case .automatic: table.isIntegral ? table.distinctPatterns(limit: min(table.rowCount / 2, Self.patternLimit)) : nil
        }
    }

    private func objective(_ likelihood: LogisticLikelihood, _ coefficients: [Double]) -> Double {
        guard l2 > 0 else { return likelihood.logLikelihood }
        return likelihood.logLikelihood - l2 / 2 * coefficients.dropFirst().reduce(0) { $0 + $1 * $1 }
    }

    private func penalised(_ information: SymmetricMatrix) -> SymmetricMatrix {
        var result = information
        if l2 > 0 {
            for j in 1..<max(1, result.order) { result[j, j] += l2 }
        }
        return result
    }
}
