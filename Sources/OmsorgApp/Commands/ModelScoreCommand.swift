import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg model score --municipality 9903 --as-of 2025-01-01 [--version N]`: scores every child
/// with a stored version (the latest by default), stores the scores with it, and proposes the
/// families the municipality's policy allows (`omsorg model policy`).
struct ModelScoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Option(name: "as-of", help: "The day to score as of, YYYY-MM-DD")
        var asOf: String?
        @Option(name: "version", help: "The model version to score with (default: the latest)")
        var version: Int?
    }

    var help: String { "Scores every child with a stored model version and proposes families with two or more of its indicators." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let asOfText = signature.asOf else { throw Abort(.badRequest, reason: "--as-of YYYY-MM-DD is required.") }
        let asOf = try LocalDate(iso: asOfText)
        guard asOf <= LocalDate(app.omsorg.now()) else { throw Abort(.badRequest, reason: "--as-of: \(asOf) is in the future; score as of today or earlier.") }
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        let version = try await app.modelVersion(signature.version, of: municipality)
        let retired = version.model.retiredIndicators()
        guard retired.isEmpty else {
            throw Abort(.unprocessableEntity, reason: "Version \(version.number) uses \(retired.joined(separator: ", ")), which this release no longer computes; train a new version.")
        }
        let proposals = ProposalRepository(app.db)
        if let earlier = try await proposals.scoredAt(version: version.number, asOf: asOf, municipality: municipality.id) {
            context.console.print("Version \(version.number) already scored as of \(asOf) (on \(earlier)); nothing new is proposed.")
            return
        }
        let started = Date()
        let (outcome, policy) = try await app.scoreAndPropose(with: version, asOf: asOf, in: municipality)
        context.console.print(summary(outcome, policy, version: version.number, asOf: asOf, seconds: Date().timeIntervalSince(started)))
        let descriptions = Dictionary(uniqueKeysWithValues: version.model.indicators.map { ($0.column, $0.description) })
        for proposal in outcome.proposals {
            let indicators = proposal.indicators.map { "\(descriptions[$0.column] ?? $0.column) (odds ratio \(PlainNumber.fixed($0.oddsRatio, digits: 1)))" }
            context.console.print("  household \(proposal.household.prefix(12))…  score \(PlainNumber.fixed(proposal.score))  \(proposal.children.count) child(ren): \(indicators.joined(separator: "; "))")
        }
    }

    private func summary(_ outcome: ProposalRepository.Outcome, _ policy: ProposalPolicy, version: Int, asOf: LocalDate, seconds: Double) -> String {
        let limit = "capacity \(policy.monthlyCapacity) a month, \(outcome.usedBefore) used before" + (policy.threshold.map { ", threshold \(PlainNumber.text($0))" } ?? "")
        return "Scored \(outcome.children) children with version \(version) as of \(asOf) in \(PlainNumber.fixed(seconds, digits: 2)) s: "
            + "\(outcome.eligible) households have two or more of the model's indicators; proposed \(outcome.proposals.count) (\(limit))."
    }
}
