import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg model train --municipality 9903 --as-of 2025-01-01 [--level 0.05] [--out DIR]`: trains
/// the detection model on the municipality's loaded extracts, stores it as the next version, and
/// writes its model card and the impact-assessment summary, each as Markdown and HTML.
struct ModelTrainCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Option(name: "as-of", help: "The day to train as of, YYYY-MM-DD: the last 12 months before it are held out")
        var asOf: String?
        @Option(name: "level", help: "The significance level an indicator must reach to stay in the model (default 0.05)")
        var level: Double?
        @Option(name: "out", help: "The folder for the model card and the impact assessment (default: the current folder)")
        var out: String?
    }

    var help: String { "Trains the detection model on the loaded extracts, stores a version, and writes its model card and impact assessment." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let asOfText = signature.asOf else { throw Abort(.badRequest, reason: "--as-of YYYY-MM-DD is required.") }
        let asOf = try LocalDate(iso: asOfText)
        let level = signature.level ?? 0.05
        guard level > 0, level < 1 else { throw Abort(.badRequest, reason: "--level must be a number between 0 and 1, e.g. 0.05.") }
        // Checked first: training takes seconds, and its documents should not be lost at the end.
        let folder = try Application.documentFolder(signature.out)
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        let started = Date()
        let version = try await app.trainModel(for: municipality, asOf: asOf, level: level)
        let written = try await app.writeModelDocuments(version, municipality, into: folder)
        context.console.print(summary(version, municipality, seconds: Date().timeIntervalSince(started)))
        written.forEach { context.console.print("  wrote \($0)") }
    }

    private func summary(_ version: ModelRepository.Version, _ municipality: Municipality, seconds: Double) -> String {
        let model = version.model
        let terms = model.model.covariates.map { "\($0.name) (odds ratio \(PlainNumber.fixed($0.oddsRatio)))" }.joined(separator: ", ")
        return "Stored model version \(version.number) for \(municipality.code) \(municipality.name) in \(PlainNumber.fixed(seconds, digits: 2)) s: "
            + "trained on \(model.training.reference), checked on \(model.holdOut.reference) (AUC \(model.evaluation.auc.map { PlainNumber.fixed($0) } ?? "undefined")); "
            + "indicators kept at p < \(PlainNumber.text(model.level)): \(terms)."
    }
}
