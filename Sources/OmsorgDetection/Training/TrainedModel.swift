import Foundation
import OmsorgDomain

/// A model trained as of a day: indicators at a training reference date with the outcome of the
/// months after it, checked on the next period, which the fit never saw. Its coding keys are the
/// stored form of a model version.
public struct TrainedModel: Sendable, Equatable, Codable {
    /// Indicators as of `reference`, the outcome in the `months` after it.
    public struct Period: Sendable, Equatable, Codable {
        public let reference: LocalDate
        public let months: Int
        public var outcomeEnd: LocalDate { reference.addingMonths(months) }
    }

    public let asOf: LocalDate
    public let training: Period
    public let holdOut: Period
    /// In words, for the model card.
    public let outcomeDefinition: String
    /// Every candidate indicator, with its version.
    public let indicators: [IndicatorDefinition]
    /// Candidates left out before the fit because they never (or always) occur in the training period.
    public let withoutVariation: [String]
    public let level: Double
    /// The fit on every candidate that varies, which the selection reads the p-values of.
    public let screening: FitSummary
    /// The refit on the indicators significant in the screening: the model that scores.
    public let model: FitSummary
    /// SHA-256 of the training and hold-out tables (columns, values and outcomes), in hex.
    public let dataSHA256: String
    public let evaluation: ScoreEvaluation
    /// The share of the highest hold-out scores counted as flagged for the group error rates.
    public let flaggedShare: Double
    public let groupErrors: [GroupErrorRates]
    /// Limits of the data the model card repeats, e.g. extracts that begin inside an indicator's window.
    public let dataWarnings: [String]

    enum CodingKeys: String, CodingKey {
        case asOf, training, holdOut, outcomeDefinition, indicators, withoutVariation, level, screening, model, dataSHA256
        case evaluation, flaggedShare, groupErrors, dataWarnings
    }

    /// The columns of the model's indicators that `catalogue` no longer defines as they were
    /// fitted: a version cannot score with them.
    public func retiredIndicators(in catalogue: [IndicatorDefinition] = IndicatorDefinition.catalogue) -> [String] {
        selected.filter { !catalogue.contains($0) }.map(\.column)
    }

    /// The indicators the model scores with, as their definitions.
    public var selected: [IndicatorDefinition] {
        let columns = Set(model.covariates.map(\.name))
        return indicators.filter { columns.contains($0.column) }
    }
}
