/// How well scores (predicted probabilities) match the outcomes that followed: discrimination (AUC),
/// accuracy (Brier score) and calibration by decile. The figures a model card and `omsorg model
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
    /// The mean squared difference between score and outcome.
    public let brier: Double
    public let calibration: [CalibrationBin]
    /// Σ (bin's rows / rows) × |observed rate − mean predicted| over the bins.
    public let expectedCalibrationError: Double

    public static let bins = 10

    public init(scores: [Double], outcomes: [UInt8]) {
        precondition(scores.count == outcomes.count, "one score per outcome")
        count = scores.count
        events = outcomes.reduce(0) { $0 + Int($1) }
        auc = Self.auc(scores: scores, outcomes: outcomes)
        brier = zip(scores, outcomes).reduce(0) { $0 + ($1.0 - Double($1.1)) * ($1.0 - Double($1.1)) } / Double(max(1, count))
        calibration = Self.calibration(scores: scores, outcomes: outcomes)
        expectedCalibrationError = calibration.reduce(0) { $0 + Double($1.count) * abs($1.observedRate - $1.meanPredicted) } / Double(max(1, count))
    }

    /// Ranks with ties averaged; the positives' rank sum gives the AUC in one sort.
    static func auc(scores: [Double], outcomes: [UInt8]) -> Double? {
        let positives = outcomes.reduce(0) { $0 + Int($1) }, negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end where outcomes[order[position]] == 1 { rankSum += rank }
            start = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
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
