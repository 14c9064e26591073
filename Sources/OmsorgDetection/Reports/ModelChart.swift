/// A figure in a model document. The web layer draws it as SVG; Markdown, which cannot draw, says
/// what it shows and points to the HTML version, beside the table that holds the same figures.
public enum ModelChart: Sendable, Equatable {
    /// The ROC curve with its AUC.
    case roc(RocCurve, auc: Double?)
    /// Predicted against observed rates, one point per tenth of the scores.
    case calibration([ScoreEvaluation.CalibrationBin])

    /// The chart's name and its axes' names.
    public var labels: (title: String, x: String, y: String) {
        switch self {
        case .roc: ("ROC curve", "False positive rate", "True positive rate")
        case .calibration: ("Calibration", "Mean predicted probability", "Observed rate")
        }
    }

    /// What the chart shows, in a sentence: its accessible description and its Markdown stand-in.
    public var caption: String {
        switch self {
        case .roc(_, let auc):
            "ROC curve: the share of children with the outcome found (true positive rate) against the share of children without it flagged "
                + "(false positive rate), at every cut of the scores; the diagonal is chance" + (auc.map { ". AUC \(PlainNumber.fixed($0))." } ?? ".")
        case .calibration:
            "Calibration: for each tenth of the scores, the observed rate of the outcome against the mean predicted probability; "
                + "points on the diagonal are calibrated."
        }
    }
}
