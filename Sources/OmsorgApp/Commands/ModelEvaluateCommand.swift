import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg model evaluate --municipality 9903 [--version N] [--period-start DAY] [--group …] [--truth DIR] [--json]`
/// evaluates a stored version on a period whose outcome is known (the one it was held out on by
/// default); `omsorg model evaluate --scores FILE --outcome COL [--score COL] [--group COL] [--json]`
/// evaluates any scored CSV, without the database.
struct ModelEvaluateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Option(name: "version", help: "The model version (default: the latest)")
        var version: Int?
        @Option(name: "period-start", help: "Evaluate on indicators as of this day, YYYY-MM-DD, and the outcome after it (default: the held-out period)")
        var periodStart: String?
        @Option(name: "truth", help: "A synthetic municipality's truth/ folder: adds the oracle AUC and the coverage of the true coefficients")
        var truth: String?
        @Option(name: "scores", help: "Evaluate this CSV of scores and outcomes instead of a stored version")
        var scores: String?
        @Option(name: "score", help: "The scores' column (with --scores; default score)")
        var score: String?
        @Option(name: "outcome", help: "The 0/1 outcome's column (with --scores)")
        var outcome: String?
        @Option(name: "group", help: "With --scores, a column of groups; else a comma-separated list of age-band, custody-holders (default both)")
        var group: String?
        @Flag(name: "json", help: "Print the report as JSON")
        var json: Bool
    }

    var help: String { "Evaluates a model version (AUC with its interval, the top 1/5/10 %, calibration, error rates by group) or a scored CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await signature.scores != nil ? fileReport(signature) : versionReport(signature, app: context.application)
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            context.console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            context.console.print(report.document.markdown)
        }
    }

    private func fileReport(_ signature: Signature) throws -> EvaluationReport {
        guard let path = signature.scores, let outcome = signature.outcome else {
            throw Abort(.badRequest, reason: "Usage: omsorg model evaluate --scores FILE --outcome COLUMN [--score COLUMN] [--group COLUMN] [--json]")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Abort(.badRequest, reason: "Cannot read the scores \(path).") }
        do throws(TableError) {
            let table = try ScoredTable(csv: data, score: signature.score ?? "score", outcome: outcome, group: signature.group)
            return EvaluationReport(subject: path, scores: table.scores, outcomes: table.outcomes,
                                    groupings: table.groups.map { [(name: $0.column, groups: $0.values)] } ?? [])
        } catch {
            throw Abort(.unprocessableEntity, reason: "\(path): \(error.description)")
        }
    }

    private func versionReport(_ signature: Signature, app: Application) async throws -> EvaluationReport {
        let periodStart = try signature.periodStart.map { try LocalDate(iso: $0) }
        let groupings = try Self.groupings(signature.group)
        let truth = try signature.truth.map(Self.truth)
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        let version = try await app.modelVersion(signature.version, of: municipality)
        let data = try await DetectionRepository(app.db).dataset(municipality: municipality.id)
        var report: EvaluationReport
        do throws(ModelEvaluator.Failure) {
            report = try ModelEvaluator(version.model, groupings: groupings).evaluate(data, version: version.number, reference: periodStart, truth: truth)
        } catch {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        report.feedback = try await ProposalRepository(app.db).feedback(version: version.number, municipality: municipality.id)
        return report
    }

    private static func groupings(_ list: String?) throws -> [ChildGroups] {
        guard let list else { return ChildGroups.allCases }
        return try list.split(separator: ",").map { name in
            guard let grouping = ChildGroups(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw Abort(.badRequest, reason: "--group is a comma-separated list of \(ChildGroups.allCases.map(\.rawValue).joined(separator: ", ")); '\(name)' is not one.")
            }
            return grouping
        }
    }

    private static func truth(_ folder: String) throws -> TruthCoefficients {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("coefficients.csv").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Abort(.badRequest, reason: "--truth: cannot read \(path); give the truth/ folder omsorg generate wrote.")
        }
        do throws(TableError) { return try TruthCoefficients(csv: data) } catch { throw Abort(.unprocessableEntity, reason: "\(path): \(error.description)") }
    }
}
