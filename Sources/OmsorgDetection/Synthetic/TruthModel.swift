import Foundation

/// The known model the synthetic outcomes are drawn from: a logistic regression on the catalogue's
/// indicators. A model fitted to the synthetic data should recover these coefficients, including
/// the one set to zero, which no indicator selection should keep.
public enum TruthModel {
    public static let intercept = -3.0
    public static let coefficients: [String: Double] = [
        "dental_missed_v1": 0.8,
        "health_visit_extra_need_v1": 0.6,
        "health_visit_missed_v1": 0.5,
        "parent_benefits_v1": 0.9,
        "daycare_absence_v1": 0.0,
        "reports_of_concern_v1": 1.4,
        "parent_substance_treatment_v1": 1.2,
        "earlier_measure_v1": 0.7,
    ]

    /// The probability of a report of concern in the outcome window for one child's indicator row.
    public static func probability(_ table: IndicatorTable, row: Int) -> Double {
        var logit = intercept
        for (index, definition) in table.definitions.enumerated() where table.values[index][row] == 1 {
            logit += coefficients[definition.column] ?? 0
        }
        return 1 / (1 + exp(-logit))
    }
}
