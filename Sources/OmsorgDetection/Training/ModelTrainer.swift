import Crypto
import Foundation
import OmsorgDomain

/// Trains the detection model from a municipality's data as of a day. The latest period whose outcome
/// is known is held out; the one before it is fitted: first every indicator that varies, then only
/// those significant at `level`, so that a proposal rests on indicators with evidence behind them.
public struct ModelTrainer: Sendable {
    public var level: Double
    public var outcomeMonths: Int
    /// The highest hold-out scores counted as flagged when error rates are compared between groups.
    public var flaggedShare: Double
    public var definitions: [IndicatorDefinition]

    public init(level: Double = 0.05, outcomeMonths: Int = 12, flaggedShare: Double = 0.05,
                definitions: [IndicatorDefinition] = IndicatorDefinition.catalogue) {
        self.level = level
        self.outcomeMonths = outcomeMonths
        self.flaggedShare = flaggedShare
        self.definitions = definitions
    }

    public func train<Key>(_ data: DetectionDataset<Key>, asOf: LocalDate) throws(TrainingError) -> TrainedModel {
        let holdOut = TrainedModel.Period(reference: asOf.addingMonths(-outcomeMonths), months: outcomeMonths)
        let training = TrainedModel.Period(reference: holdOut.reference.addingMonths(-outcomeMonths), months: outcomeMonths)
        let trainingTable = try table(data, training), holdOutTable = try table(data, holdOut)
        let varying = definitions.indices.filter { Set(trainingTable.values[$0]).count > 1 }
        guard !varying.isEmpty else { throw .noVariation }
        let screening = try fit(trainingTable, columns: varying)
        let significant = varying.filter { column in
            screening.coefficient(definitions[column].column).map { $0.p < level } ?? false
        }
        guard !significant.isEmpty else { throw .nothingSignificant(level: level) }
        let model = FitSummary(try fit(trainingTable, columns: significant), events: events(trainingTable))
        let scores = ModelScorer(model).scores(holdOutTable)
        let outcomes = holdOutTable.outcome!
        let heldOut = EvaluationReport(subject: "the held-out period", scores: scores, outcomes: outcomes, flaggedShare: flaggedShare,
                                       groupings: ChildGroups.groupings(ChildGroups.allCases, of: holdOutTable.children, data, holdOut.reference))
        return TrainedModel(
            asOf: asOf, training: training, holdOut: holdOut,
            outcomeDefinition: "A report of concern about the child within \(outcomeMonths) months of the reference date (social services' extract).",
            indicators: definitions, withoutVariation: definitions.indices.filter { !varying.contains($0) }.map { definitions[$0].column },
            level: level, screening: FitSummary(screening, events: events(trainingTable)), model: model,
            dataSHA256: Self.sha256(trainingTable, holdOutTable),
            evaluation: heldOut.evaluation, flaggedShare: flaggedShare, groupErrors: heldOut.groupErrors,
            dataWarnings: warnings(data, training: training))
    }

    private func table<Key>(_ data: DetectionDataset<Key>, _ period: TrainedModel.Period) throws(TrainingError) -> IndicatorTable {
        let table = IndicatorEngine.compute(definitions, on: data, asOf: period.reference, outcomeMonths: period.months)
        guard !table.children.isEmpty else { throw .noChildren(period.reference) }
        guard table.outcome != nil else { throw .outcomeUnknown(needed: period.outcomeEnd.addingDays(-1)) }
        return table
    }

    private func fit(_ table: IndicatorTable, columns: [Int]) throws(TrainingError) -> LogisticFit {
        let design = DesignTable(columns: columns.map { (definitions[$0].column, table.values[$0].map(Double.init)) },
                                 outcome: table.outcome!.map(Double.init))
        do {
            return try LogisticRegression().fit(design)
        } catch {
            throw .degenerate(error)
        }
    }

    private func events(_ table: IndicatorTable) -> Double { Double(table.outcome!.reduce(0) { $0 + Int($1) }) }

    /// An indicator counts events over a window before its reference date; extracts that begin
    /// later than the window undercount it.
    private func warnings<Key>(_ data: DetectionDataset<Key>, training: TrainedModel.Period) -> [String] {
        guard let first = data.events.values.compactMap({ $0.day.min() }).min().map({ LocalDate(daysSinceEpoch: Int($0)) }) else { return [] }
        return definitions.compactMap { definition in
            let start = training.reference.addingMonths(-definition.windowMonths)
            return first > start ? "The extracts begin \(first), after the start of \(definition.column)'s \(definition.windowMonths)-month window in the training period (\(start)): it is undercounted there." : nil
        }
    }

    static func sha256(_ tables: IndicatorTable...) -> String {
        var hash = SHA256()
        for table in tables {
            hash.update(data: Data("\(table.asOf):\(table.definitions.map(\.column).joined(separator: ","))\n".utf8))
            for column in table.values { hash.update(data: column) }
            hash.update(data: table.outcome ?? [])
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
