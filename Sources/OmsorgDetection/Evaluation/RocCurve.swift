/// The ROC curve of scores against outcomes: at each score taken as the cut, the share of rows
/// without the outcome flagged (false positive rate, x) and of rows with it (true positive rate,
/// y). Thinned to at most `maxPoints` cuts, evenly by rank, which a chart draws without loss.
public struct RocCurve: Sendable, Equatable, Codable {
    public struct Point: Sendable, Equatable, Codable {
        public let falsePositiveRate: Double
        public let truePositiveRate: Double
    }

    public static let maxPoints = 101

    public let points: [Point]

    /// Nil without both outcomes: the curve needs a denominator on each axis.
    public init?(scores: [Double], outcomes: [UInt8]) {
        let positives = outcomes.reduce(0) { $0 + Int($1) }, negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var cuts = [Point(falsePositiveRate: 0, truePositiveRate: 0)]
        var truePositives = 0, falsePositives = 0, position = 0
        // Rows with one score are flagged together: a cut falls only between different scores.
        while position < order.count {
            let score = scores[order[position]]
            while position < order.count && scores[order[position]] == score {
                if outcomes[order[position]] == 1 { truePositives += 1 } else { falsePositives += 1 }
                position += 1
            }
            cuts.append(Point(falsePositiveRate: Double(falsePositives) / Double(negatives), truePositiveRate: Double(truePositives) / Double(positives)))
        }
        guard cuts.count > Self.maxPoints else { points = cuts; return }
        let last = cuts.count - 1
        points = (0..<Self.maxPoints).map { cuts[$0 * last / (Self.maxPoints - 1)] }
    }
}
