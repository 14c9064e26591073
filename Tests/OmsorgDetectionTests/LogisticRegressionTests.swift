import Foundation
import Testing
@testable import OmsorgDetection

/// A table of `count` rows with continuous covariates drawn from the seed and an outcome from a
/// known logistic model, so that fits have something to find.
private func simulated(rows count: Int, seed: UInt64, indicators: Bool = false) -> DesignTable {
    var random = SeededRandom(seed: seed)
    let truth = [-0.7, 0.8, -0.5, 0.3]
    var columns: [[Double]] = Array(repeating: [], count: truth.count - 1)
    var outcome: [Double] = []
    for _ in 0..<count {
        var linear = truth[0]
        for j in columns.indices {
            let value = indicators ? Double(random.chance(0.3 + 0.1 * Double(j)) ? 1 : 0) + (j == 2 ? Double(random.poisson(1)) : 0)
                                   : random.unit() * 4 - 2
            columns[j].append(value)
            linear += truth[j + 1] * value
        }
        outcome.append(random.chance(1 / (1 + exp(-linear))) ? 1 : 0)
    }
    return DesignTable(columns: columns.enumerated().map { ("x\($0.offset + 1)", $0.element) }, outcome: outcome)
}

private func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

private func expectSameFit(_ a: LogisticFit, _ b: LogisticFit, within tolerance: Double) {
    #expect(a.coefficients.map(\.name) == b.coefficients.map(\.name))
    for (x, y) in zip(a.coefficients, b.coefficients) {
        #expect(relativeDifference(x.estimate, y.estimate) < tolerance, "\(x.name) estimate \(x.estimate) vs \(y.estimate)")
        #expect(relativeDifference(x.standardError, y.standardError) < tolerance, "\(x.name) SE \(x.standardError) vs \(y.standardError)")
    }
    #expect(relativeDifference(a.logLikelihood, b.logLikelihood) < tolerance)
}

@Suite("Logistic regression")
struct LogisticRegressionTests {
    /// One 0/1 covariate has a closed form: the intercept is the log odds where x = 0 (10 events,
    /// 30 non-events), the slope the log odds ratio against x = 1 (20 and 20), and the standard
    /// errors √(1/10 + 1/30) and √(1/10 + 1/30 + 1/20 + 1/20) (Woolf).
    @Test func twoByTwoTableByHand() throws {
        let x = Array(repeating: 0.0, count: 40) + Array(repeating: 1.0, count: 40)
        let y = Array(repeating: 1.0, count: 10) + Array(repeating: 0.0, count: 30) + Array(repeating: 1.0, count: 20) + Array(repeating: 0.0, count: 20)
        let fit = try LogisticRegression(patterns: .never).fit(DesignTable(columns: [("x", x)], outcome: y))
        let intercept = try #require(fit.coefficient("intercept")), slope = try #require(fit.coefficient("x"))
        #expect(abs(intercept.estimate - log(1.0 / 3)) < 1e-12)
        #expect(abs(slope.estimate - log(3.0)) < 1e-12)
        #expect(abs(intercept.standardError - (1.0 / 10 + 1.0 / 30).squareRoot()) < 1e-12)
        #expect(abs(slope.standardError - (1.0 / 10 + 1.0 / 30 + 1.0 / 20 + 1.0 / 20).squareRoot()) < 1e-12)
        // 10 log ¼ + 30 log ¾ + 40 log ½.
        #expect(abs(fit.logLikelihood - (-50.21929300715014)) < 1e-10)
        #expect(abs(slope.z - log(3.0) / 0.4830458915396479) < 1e-10)
        #expect(abs(slope.p - 0.02294534101945709) < 1e-12)  // erfc(z / √2) by Python's math.erfc
        #expect(abs(slope.lower - (log(3.0) - 1.959963984540054 * 0.4830458915396479)) < 1e-10)
        #expect(abs(slope.upper - (log(3.0) + 1.959963984540054 * 0.4830458915396479)) < 1e-10)
        #expect(fit.converged && fit.warnings.isEmpty && fit.iterations < 10)
    }

    @Test func frequencyWeightsAreRepeatedRows() throws {
        let weighted = DesignTable(columns: [("x", [0, 0, 1, 1])], outcome: [1, 0, 1, 0], weights: [10, 30, 20, 20])
        let fit = try LogisticRegression().fit(weighted)
        #expect(abs(fit.coefficient("x")!.estimate - log(3.0)) < 1e-12)
        #expect(abs(fit.coefficient("x")!.standardError - (1.0 / 10 + 1.0 / 30 + 1.0 / 20 + 1.0 / 20).squareRoot()) < 1e-12)
        #expect(abs(fit.logLikelihood - (-50.21929300715014)) < 1e-10)
        #expect(fit.observations == 80 && fit.rows == 4)
    }

    @Test func weightedRowsEqualTheExpandedTable() throws {
        let table = simulated(rows: 400, seed: 3)
        var random = SeededRandom(seed: 9)
        let weights = (0..<table.rowCount).map { _ in Double(1 + random.next() % 4) }
        var columns: [(name: String, values: [Double])] = table.columnNames.indices.map { (table.columnNames[$0], []) }
        var outcome: [Double] = []
        for row in 0..<table.rowCount {
            for _ in 0..<Int(weights[row]) {
                for j in columns.indices { columns[j].values.append(table.column(j)[table.column(j).startIndex + row]) }
                outcome.append(table.outcome[row])
            }
        }
        let original = table.columnNames.indices.map { (name: table.columnNames[$0], values: Array(table.column($0))) }
        let weightedFit = try LogisticRegression(patterns: .never).fit(DesignTable(columns: original, outcome: table.outcome, weights: weights))
        let expandedFit = try LogisticRegression(patterns: .never).fit(DesignTable(columns: columns, outcome: outcome))
        expectSameFit(weightedFit, expandedFit, within: 1e-9)
        #expect(weightedFit.observations == Double(outcome.count))
    }

    @Test func mergedPatternsGiveTheFullFit() throws {
        let table = simulated(rows: 5000, seed: 5, indicators: true)
        let patterns = try #require(table.distinctPatterns(limit: table.rowCount))
        #expect(patterns.rowCount < 100)
        #expect(patterns.observationCount == Double(table.rowCount) && patterns.eventCount == table.eventCount)
        let full = try LogisticRegression(patterns: .never).fit(table)
        let merged = try LogisticRegression(patterns: .always).fit(table)
        let automatic = try LogisticRegression().fit(table)
        expectSameFit(merged, full, within: 1e-10)
        #expect(merged.iterations == full.iterations && merged.converged && full.converged)
        #expect(full.patterns == nil && merged.patterns == patterns.rowCount && automatic.patterns == patterns.rowCount)
        // Continuous rows are all distinct: the automatic path leaves them alone.
        let continuous = simulated(rows: 500, seed: 6)
        #expect(continuous.distinctPatterns(limit: 250) == nil)
        #expect(try LogisticRegression().fit(continuous).patterns == nil)
    }

    @Test func patternsKeepWeights() throws {
        let table = DesignTable(columns: [("a", [1, 0, 1, 1, -0.0, 0])], outcome: [1, 0, 1, 0, 0, 0], weights: [2, 1, 3, 1, 1, 0.5])
        let patterns = try #require(table.distinctPatterns(limit: 6))
        #expect(patterns.columnNames == ["a"])
        #expect(Array(patterns.column(0)) == [1, 0, 1])
        #expect(patterns.outcome == [1, 0, 0])
        #expect(patterns.weights == [5, 2.5, 1])
        #expect(table.distinctPatterns(limit: 2) == nil)
    }

    @Test func l2ShrinksTheSlopesNotTheIntercept() throws {
        let table = simulated(rows: 300, seed: 7)
        let plain = try LogisticRegression().fit(table)
        let lambda = 25.0
        let ridge = try LogisticRegression(l2: lambda).fit(table)
        #expect(ridge.converged && ridge.l2 == lambda)
        for name in table.columnNames {
            #expect(abs(ridge.coefficient(name)!.estimate) < abs(plain.coefficient(name)!.estimate))
            #expect(ridge.coefficient(name)!.standardError < plain.coefficient(name)!.standardError)
        }
        // At the penalised maximum the score equals the penalty's gradient, and the intercept's is 0.
        let estimates = ridge.coefficients.map(\.estimate)
        let at = LogisticLikelihood(table, at: estimates)
        #expect(abs(at.score[0]) < 1e-8)
        for j in 1..<estimates.count { #expect(abs(at.score[j] - lambda * estimates[j]) < 1e-8) }
        #expect(abs(at.logLikelihood - ridge.logLikelihood) < 1e-9)
        // The standard errors are from the penalised information.
        var information = at.information
        for j in 1..<information.order { information[j, j] += lambda }
        let covariance = try #require(Cholesky(information)).inverse()
        for j in estimates.indices { #expect(relativeDifference(ridge.coefficients[j].standardError, covariance[j, j].squareRoot()) < 1e-6) }
        // A vanishing penalty is the ordinary fit.
        expectSameFit(try LogisticRegression(l2: 1e-9).fit(table), plain, within: 1e-7)
    }

    @Test func l2FitsSeparatedData() throws {
        let table = DesignTable(columns: [("x", [0, 0, 0, 1, 1, 1, 0, 1])], outcome: [0, 0, 1, 1, 1, 1, 0, 1])
        let fit = try LogisticRegression(l2: 1).fit(table)
        #expect(fit.converged && fit.coefficient("x")!.estimate.isFinite && fit.coefficient("x")!.estimate > 0)
    }

    @Test func fewEventsPerColumnWarn() throws {
        let table = simulated(rows: 70, seed: 11)
        let fit = try LogisticRegression().fit(table)
        let events = table.eventCount, rarer = min(events, 70 - events)
        try #require(rarer < 30)
        #expect(fit.warnings == [.fewEvents(events: rarer, outcome: events < 35 ? 1 : 0, columns: 3)])
        #expect(fit.warnings.first?.description.contains("fewer than 10 per column") == true)
        #expect(try LogisticRegression().fit(simulated(rows: 2000, seed: 11)).warnings.isEmpty)
    }

    @Test func nonConvergenceIsReported() throws {
        let fit = try LogisticRegression(maxIterations: 1).fit(simulated(rows: 500, seed: 13))
        #expect(!fit.converged && fit.iterations == 1)
        #expect(fit.warnings.contains(.notConverged(iterations: 1)))
    }
}

@Suite("Logistic regression refuses degenerate data")
struct DegenerateDataTests {
    private let base = simulated(rows: 400, seed: 21)

    private func with(_ name: String, _ values: (Int) -> Double) -> DesignTable {
        DesignTable(columns: base.columnNames.indices.map { (base.columnNames[$0], Array(base.column($0))) } + [(name, (0..<base.rowCount).map(values))],
                    outcome: base.outcome)
    }

    private func x(_ j: Int, _ row: Int) -> Double { base.column(j)[base.column(j).startIndex + row] }

    private func refusal(_ table: DesignTable, l2: Double = 0) -> DegenerateDataError? {
        do {
            _ = try LogisticRegression(l2: l2).fit(table)
            return nil
        } catch { return error }
    }

    @Test func emptyTableAndOneOutcome() {
        #expect(refusal(DesignTable(columns: [("a", [])], outcome: [])) == .noRows)
        let ones = DesignTable(columns: [("a", [1, 2, 3])], outcome: [1, 1, 1])
        #expect(refusal(ones) == .constantOutcome(1))
        #expect(refusal(ones)!.description.contains("Every row has outcome 1"))
    }

    @Test func constantColumn() {
        let error = refusal(with("always", { _ in 2 }))
        #expect(error == .constantColumns(["always"]))
        #expect(error!.description.contains("always"))
    }

    @Test func duplicateColumns() {
        let error = refusal(with("copy", { x(1, $0) }))
        #expect(error == .duplicateColumns([["x2", "copy"]]))
        #expect(error!.description.contains("x2 and copy are equal in every row"))
    }

    @Test func collinearColumns() {
        let sum = refusal(with("sum", { x(0, $0) + 2 * x(2, $0) }))
        #expect(sum == .collinearColumns([.init(column: "sum", combinationOf: ["x1", "x3"])]))
        #expect(sum!.description.contains("sum = a linear combination of x1 and x3"))
        let shifted = refusal(with("shifted", { 1 - x(1, $0) }))
        #expect(shifted == .collinearColumns([.init(column: "shifted", combinationOf: ["intercept", "x2"])]))
    }

    @Test func separationByOneColumn() {
        // 1 only where the outcome is 1: quasi-complete.
        let error = refusal(with("flag", { base.outcome[$0] == 1 && $0 % 3 == 0 ? 1 : 0 }))
        guard case .separation(let columns, let detail) = error else { Issue.record("not refused: \(String(describing: error))"); return }
        #expect(columns == ["flag"])
        #expect(detail.contains("every row with outcome 1 has flag ≥ 0 and every row with outcome 0 has flag ≤ 0 (quasi-complete)"))
        // Complete: the outcome is x1 > 0.3.
        let complete = DesignTable(columns: [("x1", Array(base.column(0)))], outcome: (0..<base.rowCount).map { x(0, $0) > 0.3 ? 1 : 0 })
        guard case .separation(["x1"], let completeDetail) = refusal(complete) else { Issue.record("complete separation not refused"); return }
        #expect(completeDetail.contains("(complete)"))
        // A penalty keeps the estimate finite.
        #expect(refusal(with("flag", { base.outcome[$0] == 1 && $0 % 3 == 0 ? 1 : 0 }), l2: 1) == nil)
    }

    @Test func separationByACombination() {
        // Neither column alone separates; x1 + x2 > 0 does.
        let outcome = (0..<base.rowCount).map { x(0, $0) + x(1, $0) > 0 ? 1.0 : 0 }
        let table = DesignTable(columns: [("x1", Array(base.column(0))), ("x2", Array(base.column(1))), ("x3", Array(base.column(2)))], outcome: outcome)
        let error = refusal(table)
        guard case .separation(let columns, _) = error else { Issue.record("not refused: \(String(describing: error))"); return }
        // Many directions separate completely; the one the fit ran along may lean on x3 a little.
        #expect(columns.starts(with: ["x1", "x2"]))
        #expect(error!.description.hasPrefix("Separation by x1"))
    }

    @Test func quasiCompleteSeparationByACombination() {
        // a > b: always outcome 1; a < b: always 0; a = b: either. Each column alone has both
        // outcomes at each of its values; a − b separates, but not the rows where it is 0.
        var random = SeededRandom(seed: 4)
        var a: [Double] = [], b: [Double] = [], outcome: [Double] = []
        for _ in 0..<400 {
            a.append(random.chance(0.5) ? 1 : 0)
            b.append(random.chance(0.5) ? 1 : 0)
            outcome.append(a.last! > b.last! ? 1 : a.last! < b.last! ? 0 : (random.chance(0.4) ? 1 : 0))
        }
        let table = DesignTable(columns: [("a", a), ("b", b), ("x3", Array(base.column(2)))], outcome: outcome)
        let error = refusal(table)
        guard case .separation(let columns, _) = error else { Issue.record("not refused: \(String(describing: error))"); return }
        #expect(columns == ["a", "b"])
    }

    /// The sparse sums (row by row over nonzero pairs) and the dense ones (blocks of columns) give
    /// one likelihood, over enough rows to be cut into ranges summed in parallel.
    @Test func sparseAndDenseSumsAgree() throws {
        var random = SeededRandom(seed: 9)
        let n = 40_000, prevalences = [0.05, 0.1, 0.2, 0.02]
        let columns = prevalences.enumerated().map { index, share in ("x\(index)", (0..<n).map { _ in random.chance(share) ? Double(1 + index % 2) : 0 }) }
        let outcome = (0..<n).map { row in random.chance(columns[0].1[row] > 0 ? 0.3 : 0.1) ? 1.0 : 0 }
        let table = DesignTable(columns: columns, outcome: outcome, weights: (0..<n).map { Double(1 + $0 % 3) })
        let sparse = try #require(SparseRows(table))
        let at = [-2.0, 0.4, -0.3, 0.2, 0.1]
        let dense = LogisticLikelihood(table, at: at), fromSparse = LogisticLikelihood(table, at: at, sparse: sparse)
        #expect(abs(dense.logLikelihood - fromSparse.logLikelihood) < 1e-9 * abs(dense.logLikelihood))
        for (a, b) in zip(dense.score, fromSparse.score) { #expect(abs(a - b) < 1e-9 * max(1, abs(a))) }
        for (a, b) in zip(dense.information.elements, fromSparse.information.elements) { #expect(abs(a - b) < 1e-9 * max(1, abs(a))) }
        #expect(SparseRows(DesignTable(columns: [("x", [1, 2, 0, 3])], outcome: [0, 1, 0, 1])) == nil)
    }
}
