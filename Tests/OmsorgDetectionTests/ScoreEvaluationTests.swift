import Testing
@testable import OmsorgDetection

@Suite("Evaluating scores")
struct ScoreEvaluationTests {
    /// Four rows worked by hand: of the four positive–negative pairs, (0.35, 0.1), (0.8, 0.1) and
    /// (0.8, 0.4) are ordered right and (0.35, 0.4) wrong, so the AUC is 3/4.
    @Test func aucBrierAndCalibrationOfASmallExample() {
        let evaluation = ScoreEvaluation(scores: [0.1, 0.4, 0.35, 0.8], outcomes: [0, 0, 1, 1])
        #expect(evaluation.auc == 0.75)
        #expect(abs(evaluation.brier - (0.01 + 0.16 + 0.4225 + 0.04) / 4) < 1e-15)
        #expect(evaluation.calibration.map(\.count) == [1, 1, 1, 1])
        #expect(evaluation.calibration.map(\.meanPredicted) == [0.1, 0.35, 0.4, 0.8])
        #expect(evaluation.calibration.map(\.observedRate) == [0, 1, 0, 1])
        #expect(abs(evaluation.expectedCalibrationError - (0.1 + 0.65 + 0.4 + 0.2) / 4) < 1e-15)
    }

    /// Three of four judged proposals relevant, one not judged: 0.75, and Wilson's interval by hand
    /// (z = 1.96): centre (0.75 + z²/8) / (1 + z²/4) = 0.6275, half-width 0.3269.
    @Test func theRelevanceRateIsOfTheJudgedProposalsWithWilsonsInterval() throws {
        let feedback = RelevanceFeedback(proposals: 5, yes: 3, no: 1, unclear: 0)
        #expect(feedback.judged == 4 && feedback.relevanceRate == 0.75)
        let interval = try #require(feedback.relevanceInterval)
        #expect(abs(interval.lower - 0.3006) < 1e-4 && abs(interval.upper - 0.9544) < 1e-4, "\(interval)")
        #expect(RelevanceFeedback(proposals: 2, yes: 0, no: 0, unclear: 0).relevanceRate == nil)
        let section = EvaluationSections.feedback(feedback)
        #expect(ModelDocument(title: "t", sections: [.init("f", section)]).markdown.contains("| not judged | 1 |"))
    }

    /// The four rows above, highest score first: 0.8 (outcome), 0.4 (none), 0.35 (outcome), 0.1 (none).
    @Test func theRocCurveStepsThroughEachCutAndThinsLongOnes() throws {
        let curve = try #require(RocCurve(scores: [0.1, 0.4, 0.35, 0.8], outcomes: [0, 0, 1, 1]))
        #expect(curve.points.map { [$0.falsePositiveRate, $0.truePositiveRate] } == [[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]])
        let tied = try #require(RocCurve(scores: [0.5, 0.5, 0.9], outcomes: [1, 0, 1]))
        #expect(tied.points.map { [$0.falsePositiveRate, $0.truePositiveRate] } == [[0, 0], [0, 0.5], [1, 1]])
        #expect(RocCurve(scores: [0.2, 0.3], outcomes: [1, 1]) == nil)
        let long = try #require(RocCurve(scores: (0..<1_000).map { Double($0) / 1_000 }, outcomes: (0..<1_000).map { UInt8($0 % 2) }))
        #expect(long.points.count == RocCurve.maxPoints)
        #expect(long.points.first == .init(falsePositiveRate: 0, truePositiveRate: 0) && long.points.last == .init(falsePositiveRate: 1, truePositiveRate: 1))
    }

    @Test func tiesCountAHalfAndOneOutcomeHasNoAUC() {
        #expect(ScoreEvaluation(scores: [0.5, 0.5, 0.9], outcomes: [1, 0, 1]).auc == 0.75)
        #expect(ScoreEvaluation(scores: [0.2, 0.3], outcomes: [1, 1]).auc == nil)
    }

    /// Twenty rows: each decile holds two, and a calibrated bin has an observed rate equal to its mean.
    @Test func decilesOfTwentyRows() {
        let scores = (0..<20).map { Double($0 / 2) / 10 + 0.05 }
        let outcomes: [UInt8] = (0..<20).map { $0 >= 10 && $0 % 2 == 0 ? 1 : 0 }
        let evaluation = ScoreEvaluation(scores: scores, outcomes: outcomes)
        #expect(evaluation.calibration.count == 10)
        #expect(evaluation.calibration.allSatisfy { $0.count == 2 })
        #expect(evaluation.calibration[9].observedRate == 0.5)
        #expect(evaluation.calibration[0].observedRate == 0)
    }

    @Test func errorRatesByGroupAndTheirLargestRatio() {
        let rates = GroupErrorRates(grouping: "household", groupOf: ["a", "a", "a", "a", "b", "b", "b"],
                                    flagged: [true, false, false, true, true, false, false], outcomes: [0, 0, 1, 1, 0, 0, 1])
        #expect(rates.groups.map(\.name) == ["a", "b"])
        #expect(rates.groups.map(\.falsePositiveRate) == [0.5, 0.5])
        #expect(rates.groups.map(\.falseNegativeRate) == [0.5, 1])
        #expect(rates.largestFalsePositiveRatio == 1)
        #expect(rates.largestFalseNegativeRatio == 2)
        let unbounded = GroupErrorRates(grouping: "g", groupOf: ["a", "a", "b", "b"], flagged: [true, false, false, false], outcomes: [0, 0, 0, 0])
        #expect(unbounded.largestFalsePositiveRatio == nil)
    }

    @Test func theTopShareFlagsTiesAtTheCutTogether() {
        #expect(GroupErrorRates.topShare(0.25, of: [0.1, 0.9, 0.5, 0.3]) == [false, true, false, false])
        #expect(GroupErrorRates.topShare(0.25, of: [0.1, 0.9, 0.9, 0.3]) == [false, true, true, false])
    }

    /// Positives 0.9 and 0.6, negatives 0.7, 0.6 and 0.2, worked by hand: V10 = (1, 0.5), V01 =
    /// (0.5, 0.75, 1); S10 = 0.125, S01 = 0.0625; var = 0.125 / 2 + 0.0625 / 3 = 1/12.
    @Test func delongsIntervalOfASmallExample() throws {
        let evaluation = ScoreEvaluation(scores: [0.9, 0.6, 0.7, 0.6, 0.2], outcomes: [1, 1, 0, 0, 0])
        #expect(evaluation.auc == 0.75)
        let interval = try #require(evaluation.aucInterval)
        #expect(abs(interval.lower - (0.75 - 1.959963984540054 * (1.0 / 12).squareRoot())) < 1e-12)
        #expect(interval.upper == 1)
        #expect(ScoreEvaluation(scores: [0.9, 0.1, 0.2], outcomes: [1, 0, 0]).aucInterval == nil)
    }

    /// Ten rows, four with the outcome. The top 10 % is the single highest row (an outcome); Wilson's
    /// interval for 1 of 1 is [1 / (1 + z²), 1] = [0.2065, 1], not the Wald interval's point.
    @Test func precisionAndRecallInTheTopShares() throws {
        let scores = (0..<10).map { Double($0) / 10 }
        let outcomes: [UInt8] = [0, 1, 0, 0, 0, 0, 1, 0, 1, 1]
        let evaluation = ScoreEvaluation(scores: scores, outcomes: outcomes)
        #expect(evaluation.topShares.map(\.share) == [0.01, 0.05, 0.10])
        let top = evaluation.topShares[2]
        #expect((top.flagged, top.truePositives, top.precision, top.recall) == (1, 1, 1, 0.25))
        let z2 = 1.959963984540054 * 1.959963984540054
        #expect(abs(try #require(top.precisionInterval).lower - 1 / (1 + z2)) < 1e-12)
        #expect(try #require(top.precisionInterval).upper == 1)
        let recall = try #require(top.recallInterval)
        #expect(recall.lower < 0.25 && recall.upper > 0.25)
        #expect(Interval.wilson(0, of: 0) == nil)
    }
}
