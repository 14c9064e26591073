import OmsorgDetection
import OmsorgStore
import Vapor

/// `omsorg model policy --municipality 9903 [--capacity 20] [--threshold 0.3|none]`: prints, or
/// sets, how many families a month may be proposed and the score they must reach.
struct ModelPolicyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Option(name: "capacity", help: "Families that may be proposed a month (default 20)")
        var capacity: String?
        @Option(name: "threshold", help: "The score a family must reach, between 0 and 1, or none")
        var threshold: String?
    }

    var help: String { "Prints or sets the municipality's proposal policy: a monthly capacity and an optional score threshold." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        let repository = ProposalRepository(app.db)
        var policy = try await repository.policy(municipality: municipality.id)
        if signature.capacity != nil || signature.threshold != nil {
            if let capacity = signature.capacity {
                guard let value = Int(capacity) else { throw Abort(.badRequest, reason: ProposalPolicy.PolicyError.capacity.description) }
                policy.monthlyCapacity = value
            }
            if let threshold = signature.threshold {
                guard threshold == "none" || Double(threshold) != nil else { throw Abort(.badRequest, reason: ProposalPolicy.PolicyError.threshold.description) }
                policy.threshold = Double(threshold)
            }
            do throws(ProposalPolicy.PolicyError) { policy = try policy.checked() } catch { throw Abort(.badRequest, reason: error.description) }
            try await repository.setPolicy(policy, municipality: municipality.id)
        }
        context.console.print("\(municipality.code) \(municipality.name): up to \(policy.monthlyCapacity) families proposed a month"
                              + (policy.threshold.map { ", each with a score of at least \(PlainNumber.text($0))." } ?? ", the highest scores first; no threshold."))
    }
}
