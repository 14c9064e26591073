import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

@Suite("Training the model")
struct ModelTrainerTests {
    /// The data set of a synthetic municipality whose extracts end on 31 December 2024.
    static let population = PopulationGenerator(inhabitants: 20_000, years: 5, seed: 5).build().0.data

    /// As of the day after the extracts end: fitted on 2023, checked on 2024, which the fit never saw.
    @Test func fitsTheEarlierPeriodKeepsTheSignificantIndicatorsAndChecksTheLatest() throws {
        let model = try ModelTrainer().train(Self.population, asOf: LocalDate(year: 2025, month: 1, day: 1)!)
        #expect(model.training.reference == LocalDate(year: 2023, month: 1, day: 1))
        #expect(model.holdOut.reference == LocalDate(year: 2024, month: 1, day: 1))
        let selected = model.model.covariates.map(\.name)
        #expect(selected.contains("reports_of_concern_v1"))
        for name in selected { #expect(try #require(model.screening.coefficients.first { $0.name == name }).p < 0.05) }
        for coefficient in model.screening.covariates where !selected.contains(coefficient.name) { #expect(coefficient.p >= 0.05) }
        #expect(model.model.converged)
        let holdOut = IndicatorEngine.compute(IndicatorDefinition.catalogue, on: Self.population, asOf: model.holdOut.reference)
        #expect(model.evaluation.count == holdOut.children.count)
        #expect(model.evaluation.events == holdOut.outcome!.reduce(0) { $0 + Int($1) })
        let oracle = ScoreEvaluation(scores: holdOut.children.indices.map { TruthModel.probability(holdOut, row: $0) }, outcomes: holdOut.outcome!)
        // The truth itself ranks no better than about 0.65 here; a fitted model cannot beat it and should come close.
        let auc = try #require(model.evaluation.auc), best = try #require(oracle.auc)
        #expect(auc > 0.6 && auc > best - 0.03 && auc < best + 0.01)
        #expect(model.groupErrors.map(\.grouping) == ["age band", "custody holders"])
        #expect(model.groupErrors[0].groups.map(\.name).sorted() == ["0-5", "12-17", "6-11"])
        #expect(model.dataSHA256.count == 64)
    }

    @Test func theSameDataGiveTheSameVersionAndItSurvivesItsStoredForm() throws {
        let asOf = LocalDate(year: 2025, month: 1, day: 1)!
        let model = try ModelTrainer().train(Self.population, asOf: asOf)
        #expect(try ModelTrainer().train(Self.population, asOf: asOf) == model)
        let decoded = try JSONDecoder().decode(TrainedModel.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
    }

    @Test func refusesADayWhoseHeldOutOutcomeIsNotYetKnown() {
        #expect(throws: TrainingError.outcomeUnknown(needed: LocalDate(year: 2025, month: 6, day: 30)!)) {
            try ModelTrainer().train(Self.population, asOf: LocalDate(year: 2025, month: 7, day: 1)!)
        }
    }

    @Test func refusesWhenNothingIsSignificant() {
        #expect(throws: TrainingError.nothingSignificant(level: 1e-300)) {
            try ModelTrainer(level: 1e-300).train(Self.population, asOf: LocalDate(year: 2025, month: 1, day: 1)!)
        }
    }

    /// A release that redefines an indicator gives it a new version; a model fitted on the old one cannot score.
    @Test func aVersionWhoseIndicatorWasRedefinedCannotScore() throws {
        let model = try ModelTrainer().train(Self.population, asOf: LocalDate(year: 2025, month: 1, day: 1)!)
        #expect(model.retiredIndicators().isEmpty)
        let redefined = IndicatorDefinition.catalogue.map { definition in
            definition.id != "reports_of_concern" ? definition : IndicatorDefinition(
                id: definition.id, version: 2, description: "3+ reports of concern in 24 months", source: definition.source, events: definition.events,
                subject: definition.subject, windowMonths: definition.windowMonths, aggregate: definition.aggregate, threshold: 3)
        }
        #expect(model.retiredIndicators(in: redefined) == ["reports_of_concern_v1"])
    }

    @Test func scoringNeedsEveryIndicatorOfTheModel() throws {
        let model = try ModelTrainer().train(Self.population, asOf: LocalDate(year: 2025, month: 1, day: 1)!)
        let fewer = IndicatorDefinition.catalogue.filter { $0.id != "reports_of_concern" }
        let table = IndicatorEngine.compute(fewer, on: Self.population, asOf: LocalDate(year: 2024, month: 1, day: 1)!)
        #expect(ModelScorer(model.model).missingColumns(in: table) == ["reports_of_concern_v1"])
    }
}
