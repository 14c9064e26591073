/// The parts of a report on scores that the model card and `omsorg model evaluate` share.
enum EvaluationSections {
    static func discrimination(_ evaluation: ScoreEvaluation, oracle: ScoreEvaluation? = nil) -> [ModelDocument.Block] {
        var text = "\(evaluation.count) children, \(evaluation.events) with the outcome. AUC \(auc(evaluation))"
        if let oracle { text += "; the true probabilities reach \(auc(oracle)), what a model that knew the truth would reach" }
        text += ". Brier score \(PlainNumber.fixed(evaluation.brier)); expected calibration error \(PlainNumber.fixed(evaluation.expectedCalibrationError))."
        return [.paragraph(text)] + (evaluation.roc.map { [.chart(.roc($0, auc: evaluation.auc))] } ?? [])
    }

    static func topShares(_ evaluation: ScoreEvaluation) -> [ModelDocument.Block] {
        [.table(header: ["Highest scores", "Flagged", "With the outcome", "Precision (95 % interval)", "Recall (95 % interval)"],
                rows: evaluation.topShares.map { top in
                    ["\(PlainNumber.text(top.share * 100)) %", String(top.flagged), String(top.truePositives),
                     rate(top.precision, top.precisionInterval), rate(top.recall, top.recallInterval)]
                }),
         .paragraph("Children with the same score are flagged together, so a share can flag more children than its percentage, and two shares the same children: a model on a few 0/1 indicators gives many children one score.")]
    }

    static func calibration(_ evaluation: ScoreEvaluation) -> [ModelDocument.Block] {
        (evaluation.calibration.isEmpty ? [] : [.chart(.calibration(evaluation.calibration))]) + [.table(header: ["Tenth of scores, lowest first", "Children", "Mean predicted", "Observed rate"], rows: evaluation.calibration.enumerated().map { index, bin in
            [String(index + 1), String(bin.count), PlainNumber.fixed(bin.meanPredicted), PlainNumber.fixed(bin.observedRate)]
        })]
    }

    static func groupErrors(_ groupings: [GroupErrorRates], flaggedShare: Double) -> [ModelDocument.Block] {
        var blocks: [ModelDocument.Block] = [.paragraph("With the highest \(PlainNumber.text(flaggedShare * 100)) % of scores counted as flagged: the share of children without the outcome who were flagged (false positive rate) and of children with it who were not (false negative rate), by group.")]
        for grouping in groupings {
            blocks.append(.table(header: [grouping.grouping, "Children", "With the outcome", "False positive rate", "False negative rate"], rows: grouping.groups.map { group in
                [group.name, String(group.count), String(group.events), group.falsePositiveRate.map { PlainNumber.fixed($0) } ?? "–",
                 group.falseNegativeRate.map { PlainNumber.fixed($0) } ?? "–"]
            }))
            blocks.append(.paragraph("Largest ratio between groups (\(grouping.grouping)): false positive rates \(grouping.largestFalsePositiveRatio.map { PlainNumber.fixed($0) } ?? "undefined"), false negative rates \(grouping.largestFalseNegativeRatio.map { PlainNumber.fixed($0) } ?? "undefined")."))
        }
        return blocks
    }

    private static func auc(_ evaluation: ScoreEvaluation) -> String {
        guard let auc = evaluation.auc else { return "undefined (no child, or every child, had the outcome)" }
        return PlainNumber.fixed(auc) + (evaluation.aucInterval.map { " (95 % interval \(PlainNumber.fixed($0.lower)) to \(PlainNumber.fixed($0.upper)))" } ?? "")
    }

    static func feedback(_ feedback: RelevanceFeedback) -> [ModelDocument.Block] {
        [.paragraph("Of the \(feedback.proposals) proposals this version made that are still kept, caseworkers judged \(feedback.judged) "
                    + "(proposals closed without consent are deleted after the municipality's retention period for closed proposals). Relevance rate (found relevant of those judged): "
                    + rate(feedback.relevanceRate, feedback.relevanceInterval) + "."),
         .table(header: ["Relevant", "Proposals"], rows: [["yes", String(feedback.yes)], ["no", String(feedback.no)], ["unclear", String(feedback.unclear)],
                                                          ["not judged", String(feedback.proposals - feedback.judged)]])]
    }

    private static func rate(_ value: Double?, _ interval: Interval?) -> String {
        guard let value else { return "–" }
        return PlainNumber.fixed(value) + (interval.map { " (\(PlainNumber.fixed($0.lower)) to \(PlainNumber.fixed($0.upper)))" } ?? "")
    }
}

extension RelevanceFeedback {
    /// The feedback as a model document's section, for the evaluation report and the model's page.
    public var section: ModelDocument.Section { ModelDocument.Section("Feedback from caseworkers", EvaluationSections.feedback(self)) }
}
