import OmsorgDomain

/// Evaluates a stored model on a period whose outcome is known: by default the one it was held
/// out on; later, each new period as its outcome comes in.
public struct ModelEvaluator: Sendable {
    public let model: TrainedModel
    public let groupings: [ChildGroups]

    public init(_ model: TrainedModel, groupings: [ChildGroups] = ChildGroups.allCases) {
        self.model = model
        self.groupings = groupings
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case training(TrainingError)
        case truthTerms([String])

        public var description: String {
            switch self {
            case .training(let error): error.description
            case .truthTerms(let terms): "The truth names \(terms.joined(separator: ", ")), which the model's indicators do not include."
            }
        }
    }

    /// `version` of the model scored on the period with indicators as of `reference` (the held-out
    /// one without it). With `truth`, the report adds the oracle AUC and the coverage of the
    /// screening fit's intervals.
    public func evaluate<Key>(_ data: DetectionDataset<Key>, version: Int, reference: LocalDate? = nil,
                              truth: TruthCoefficients? = nil) throws(Failure) -> EvaluationReport {
        let period = TrainedModel.Period(reference: reference ?? model.holdOut.reference, months: model.holdOut.months)
        let table = IndicatorEngine.compute(model.indicators, on: data, asOf: period.reference, outcomeMonths: period.months)
        guard !table.children.isEmpty else { throw .training(.noChildren(period.reference)) }
        guard let outcomes = table.outcome else { throw .training(.outcomeUnknown(needed: period.outcomeEnd.addingDays(-1))) }
        if let truth, !truth.missingTerms(in: table).isEmpty { throw .truthTerms(truth.missingTerms(in: table)) }
        let coverage = truth.map { truth in
            model.screening.coefficients.compactMap { coefficient -> EvaluationReport.Coverage? in
                let value = coefficient.name == DesignTable.interceptName ? truth.intercept : truth.coefficients[coefficient.name]
                return value.map { .init(term: coefficient.name, truth: $0, estimate: coefficient.estimate, lower: coefficient.lower, upper: coefficient.upper) }
            }
        }
        return EvaluationReport(
            subject: "version \(version), indicators as of \(period.reference), the outcome within \(period.months) months",
            scores: ModelScorer(model.model).scores(table), outcomes: outcomes,
            flaggedShare: model.flaggedShare, groupings: ChildGroups.groupings(groupings, of: table.children, data, period.reference), oracle: truth?.probabilities(table), coverage: coverage)
    }
}
