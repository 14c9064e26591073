/// How well scores (predicted probabilities) match the outcomes that followed: discrimination (AUC
/// with DeLong's interval), what the top 1, 5 and 10 % would have found, accuracy (Brier score) and
/// calibration by decile. The figures a model card and `omsorg model
/// evaluate` report.
public struct ScoreEvaluation: Sendable, Equatable, Codable {
    /// One tenth of the rows by score (one row each when there are fewer than ten), lowest first: what the model predicted and what happened.
    public struct CalibrationBin: Sendable, Equatable, Codable {
        public let count: Int
        public let meanPredicted: Double
        public let observedRate: Double
    }

    public let count: Int
    public let events: Int
    /// The probability that a random row with outcome 1 scores above a random row with outcome 0,
    /// ties counting a half (the Mann–Whitney statistic). Nil without both outcomes.
    public let auc: Double?
    /// DeLong's 95 % interval of the AUC, clipped to 0–1; nil without both outcomes or with a single row of one.
    public let aucInterval: Interval?
    public let topShares: [TopShareRates]
    /// The mean squared difference between score and outcome.
    public let brier: Double
    public let calibration: [CalibrationBin]
    /// Σ (bin's rows / rows) × |observed rate − mean predicted| over the bins.
    public let expectedCalibrationError: Double
    /// Nil without both outcomes, and in versions stored before the curve was kept.
    public let roc: RocCurve?

    public static let bins = 10

    public init(scores: [Double], outcomes: [UInt8]) {
        precondition(scores.count == outcomes.count, "one score per outcome")
        count = scores.count
        events = outcomes.reduce(0) { $0 + Int($1) }
        let delong = Self.delong(scores: scores, outcomes: outcomes)
        auc = delong?.auc
        aucInterval = delong?.variance.map { variance in
            Interval(lower: max(0, delong!.auc - Interval.z * variance.squareRoot()), upper: min(1, delong!.auc + Interval.z * variance.squareRoot()))
        }
        topShares = TopShareRates.reported.map { TopShareRates(share: $0, scores: scores, outcomes: outcomes) }
        brier = zip(scores, outcomes).reduce(0) { $0 + ($1.0 - Double($1.1)) * ($1.0 - Double($1.1)) } / Double(max(1, count))
        calibration = Self.calibration(scores: scores, outcomes: outcomes)
        expectedCalibrationError = calibration.reduce(0) { $0 + Double($1.count) * abs($1.observedRate - $1.meanPredicted) } / Double(max(1, count))
        roc = RocCurve(scores: scores, outcomes: outcomes)
    }

    /// The AUC and DeLong's variance of it, from midranks (Sun and Xu's fast algorithm): each
    /// positive's share of negatives it outscores (V10) and each negative's share of positives that
    /// outscore it (V01), ties a half; var = S10 / m + S01 / n. The variance needs two of each.
    static func delong(scores: [Double], outcomes: [UInt8]) -> (auc: Double, variance: Double?)? {
        let positives = scores.indices.filter { outcomes[$0] == 1 }.map { scores[$0] }
        let negatives = scores.indices.filter { outcomes[$0] == 0 }.map { scores[$0] }
        let m = Double(positives.count), n = Double(negatives.count)
        guard m > 0, n > 0 else { return nil }
        let all = midranks(positives + negatives), withinPositives = midranks(positives), withinNegatives = midranks(negatives)
        let v10 = positives.indices.map { (all[$0] - withinPositives[$0]) / n }
        let v01 = negatives.indices.map { 1 - (all[positives.count + $0] - withinNegatives[$0]) / m }
        let auc = v10.reduce(0, +) / m
        guard m > 1, n > 1 else { return (auc, nil) }
        return (auc, sampleVariance(v10) / m + sampleVariance(v01) / n)
    }

    /// 1-based ranks, ties given the mean of the ranks they span.
    static func midranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count), start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            for position in start...end { ranks[order[position]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }

    private static func sampleVariance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    /// Rows sorted by score and cut into ten bins of (nearly) equal size.
    static func calibration(scores: [Double], outcomes: [UInt8]) -> [CalibrationBin] {
        guard !scores.isEmpty else { return [] }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        let count = min(bins, order.count)
        return (0..<count).map { bin in
            let rows = order[(bin * order.count / count)..<((bin + 1) * order.count / count)]
            let predicted = rows.reduce(0) { $0 + scores[$1] }, observed = rows.reduce(0) { $0 + Double(outcomes[$1]) }
            return CalibrationBin(count: rows.count, meanPredicted: predicted / Double(rows.count), observedRate: observed / Double(rows.count))
        }
    }
}
