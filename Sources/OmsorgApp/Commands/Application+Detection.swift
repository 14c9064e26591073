import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

extension Application {
    /// The municipality a detection command works for, by its code.
    func municipality(code: String?) async throws -> Municipality {
        guard let code else { throw Abort(.badRequest, reason: "--municipality CODE is required (e.g. 9901).") }
        guard let municipality = try await StaffRepository(db).municipality(code: code) else {
            throw Abort(.notFound, reason: "No municipality with code \(code); create it with `omsorg municipality --code \(code) --name NAME`.")
        }
        return municipality
    }

    func pseudonymiser(for municipality: Municipality) -> Pseudonymiser {
        Pseudonymiser(secret: omsorg.pseudonymSecret ?? OmsorgConfiguration.developmentPseudonymSecret, municipalityCode: municipality.code)
    }
}

extension SourceSystem {
    static func named(_ name: String?) throws -> SourceSystem {
        guard let name, let source = SourceSystem(rawValue: name) else {
            throw Abort(.badRequest, reason: "--source is one of \(SourceSystem.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return source
    }
}
