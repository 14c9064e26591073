import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

@Suite("Evaluating a model")
struct ModelEvaluatorTests {
    static let asOf = LocalDate(year: 2025, month: 1, day: 1)!
    static let truth = try! TruthCoefficients(csv: Data((["term,coefficient", "intercept,\(TruthModel.intercept)"]
        + TruthModel.coefficients.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)" }).joined(separator: "\n").utf8))

    /// On the held-out period the evaluation is the one stored with the version; the truth gives
    /// the oracle AUC and the intervals' coverage.
    @Test func theHeldOutPeriodGivesTheStoredEvaluationAndTheTruthItsCoverage() throws {
        let model = try ModelTrainer().train(ModelTrainerTests.population, asOf: Self.asOf)
        let report = try ModelEvaluator(model).evaluate(ModelTrainerTests.population, version: 4, truth: Self.truth)
        #expect(report.evaluation == model.evaluation)
        #expect(report.groupErrors == model.groupErrors)
        #expect(report.subject == "version 4, indicators as of 2024-01-01, the outcome within 12 months")
        let coverage = try #require(report.coverage)
        #expect(coverage.map(\.term) == model.screening.coefficients.map(\.name))
        #expect(coverage.filter(\.covered).count >= coverage.count - 2)
        let oracle = try #require(report.oracle?.auc), auc = try #require(report.evaluation.auc)
        #expect(abs(oracle - auc) < 0.03)
        let interval = try #require(report.evaluation.aucInterval)
        #expect(interval.lower < auc && auc < interval.upper && interval.upper - interval.lower < 0.1)
        #expect(report.document.markdown.contains("of \(coverage.count) 95 % intervals of the screening fit"))
    }

    @Test func aPeriodWithoutItsOutcomeOrATruthWithOtherTermsIsRefused() throws {
        let model = try ModelTrainer().train(ModelTrainerTests.population, asOf: Self.asOf)
        #expect(throws: ModelEvaluator.Failure.training(.outcomeUnknown(needed: LocalDate(year: 2025, month: 5, day: 31)!))) {
            try ModelEvaluator(model).evaluate(ModelTrainerTests.population, version: 1, reference: LocalDate(year: 2024, month: 6, day: 1)!)
        }
        let other = try TruthCoefficients(csv: Data("term,coefficient\nintercept,-3\nshoe_size_v1,1\n".utf8))
        #expect(throws: ModelEvaluator.Failure.truthTerms(["shoe_size_v1"])) {
            try ModelEvaluator(model).evaluate(ModelTrainerTests.population, version: 1, truth: other)
        }
        #expect(ModelEvaluator(model, groupings: [.ageBand]).model == model)
    }

    @Test func aScoredFileIsReadWithItsGroupsAndRefusedByLineAndColumn() throws {
        let table = try ScoredTable(csv: Data("id,score,y,district\n1,0.2,0,north\n2,0.9,1,south\n".utf8), score: "score", outcome: "y", group: "district")
        #expect(table.scores == [0.2, 0.9] && table.outcomes == [0, 1])
        #expect(table.groups?.column == "district" && table.groups?.values == ["north", "south"])
        #expect(throws: TableError.rows([.init(line: 2, column: "score", message: "'1.5' is not a score from 0 to 1"),
                                         .init(line: 3, column: "y", message: "the outcome must be 0 or 1, not '2'"),
                                         .init(line: 4, column: "district", message: "empty group"),
                                         .init(line: 5, column: nil, message: "expected 3 fields, as the header has, found 2")], total: 4)) {
            try ScoredTable(csv: Data("score,y,district\n1.5,0,a\n0.3,2,a\n0.3,1,\n0.1,0\n".utf8), score: "score", outcome: "y", group: "district")
        }
        #expect(throws: TableError.missingColumn("score", role: "score", available: ["p", "y"])) {
            try ScoredTable(csv: Data("p,y\n0.1,0\n".utf8), score: "score", outcome: "y")
        }
    }
}
