import Foundation

/// The model card of a stored version: what it was trained on and how, how well it did on a period
/// it never saw, where it errs more for some children than for others, and what it must not be
/// used for. Written for the municipality's analysts, its data protection officer and anyone who
/// asks, from the version alone, so that it can be written again at any time.
public enum ModelCard {
    public static func document(_ model: TrainedModel, version: Int, municipality: String) -> ModelDocument {
        ModelDocument(title: "Model card: early detection, \(municipality), version \(version)", sections: [
            ModelDocument.Section("Purpose", [
                .paragraph("The model ranks children by the estimated probability of a report of concern in the coming \(model.holdOut.months) months, so that a caseworker can consider offering the family an early preventive effort. A family is proposed only when two or more of the model's indicators are present in it; a caseworker reviews every proposal, and no one sees the family's cases before the family has consented."),
            ]),
            ModelDocument.Section("What it must not be used for", [
                .list([
                    "A decision about a child or a family. A score is a reason to look, never a finding: every step that follows is the caseworker's, on the law's conditions.",
                    "Evidence in a case, control of benefits, or any sanction.",
                    "Children of another municipality, or data after the indicator versions it names have changed.",
                    "Ranking by ethnicity, origin or health diagnoses: none of these is in the data, and none may be added.",
                ]),
            ]),
            data(model),
            method(model),
            coefficients(model),
            performance(model),
            groupErrors(model),
            limits(model),
        ])
    }

    private static func data(_ model: TrainedModel) -> ModelDocument.Section {
        let selected = Set(model.selected.map(\.column)), constant = Set(model.withoutVariation)
        return ModelDocument.Section("Data", [
            .paragraph("Training: indicators as of \(model.training.reference) for \(Int(model.model.observations)) children, \(Int(model.model.events)) of whom had the outcome. Held out: indicators as of \(model.holdOut.reference) for \(model.evaluation.count) children, \(model.evaluation.events) with the outcome. Trained as of \(model.asOf)."),
            .paragraph("Outcome: \(model.outcomeDefinition)"),
            .paragraph("SHA-256 of the training and held-out tables: \(model.dataSHA256)."),
            .table(header: ["Indicator", "Version", "Meaning", "Source", "In the model"], rows: model.indicators.map { indicator in
                [indicator.id, String(indicator.version), indicator.description, indicator.source.rawValue,
                 selected.contains(indicator.column) ? "yes" : constant.contains(indicator.column) ? "no: constant in training" : "no: not significant"]
            }),
        ] + (model.dataWarnings.isEmpty ? [] : [.list(model.dataWarnings)]))
    }

    private static func method(_ model: TrainedModel) -> ModelDocument.Section {
        ModelDocument.Section("Method", [
            .paragraph("Logistic regression by Newton's method, with standard errors from the observed information, Wald z tests and 95 % intervals. First every indicator that varies in the training period is fitted together (screening); the indicators with p < \(PlainNumber.text(model.level)) are kept and fitted again. The kept model scores."),
            .table(header: ["Screening", "Estimate", "Standard error", "p"], rows: model.screening.covariates.map { coefficient in
                [coefficient.name, PlainNumber.fixed(coefficient.estimate), PlainNumber.fixed(coefficient.standardError), probability(coefficient.p)]
            }),
        ])
    }

    private static func coefficients(_ model: TrainedModel) -> ModelDocument.Section {
        let fit = model.model
        return ModelDocument.Section("The model", [
            .table(header: ["Term", "Estimate", "Odds ratio", "95 % interval of the odds ratio", "p"], rows: fit.coefficients.map { coefficient in
                [coefficient.name, PlainNumber.fixed(coefficient.estimate), PlainNumber.fixed(coefficient.oddsRatio),
                 "\(PlainNumber.fixed(exp(coefficient.lower))) to \(PlainNumber.fixed(exp(coefficient.upper)))", probability(coefficient.p)]
            }),
            .paragraph("Log-likelihood \(PlainNumber.fixed(fit.logLikelihood)) after \(fit.iterations) iterations; \(fit.converged ? "converged" : "did not converge")."),
        ] + (fit.warnings.isEmpty ? [] : [.list(fit.warnings)]))
    }

    private static func performance(_ model: TrainedModel) -> ModelDocument.Section {
        ModelDocument.Section("Performance on the held-out period", EvaluationSections.discrimination(model.evaluation)
                              + EvaluationSections.topShares(model.evaluation) + EvaluationSections.calibration(model.evaluation))
    }

    private static func groupErrors(_ model: TrainedModel) -> ModelDocument.Section {
        ModelDocument.Section("Error rates by group", EvaluationSections.groupErrors(model.groupErrors, flaggedShare: model.flaggedShare))
    }

    private static func limits(_ model: TrainedModel) -> ModelDocument.Section {
        ModelDocument.Section("Limits", [
            .list([
                "The outcome is a report of concern: what the municipality noticed, not what happened to the child. Families in contact with more services are seen more, and the model learns that too.",
                "The indicators are associations, not causes, and a family with none of them may need help as much.",
                "Performance is measured on one held-out period of \(model.holdOut.months) months; it holds for other periods only as far as the municipality and its services stay alike.",
                "Small groups give unstable error rates; a ratio between groups resting on a few children says little.",
            ]),
        ])
    }

    static func probability(_ p: Double) -> String { p < 0.001 ? "< 0.001" : PlainNumber.fixed(p) }
}
