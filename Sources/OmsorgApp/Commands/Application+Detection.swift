import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

extension Application {
    /// The municipality a command names by its code (`option` is how the command spells it).
    func municipality(code: String?, option: String = "--municipality") async throws -> Municipality {
        guard let code else { throw Abort(.badRequest, reason: "\(option) CODE is required (e.g. 9901).") }
        guard let municipality = try await StaffRepository(db).municipality(code: code) else {
            throw Abort(.notFound, reason: "No municipality with code \(code); create it with `omsorg municipality --code \(code) --name NAME`.")
        }
        return municipality
    }

    /// The municipality an early-detection command works for, which must have recorded the legal
    /// basis that allows it first: nothing is loaded, tabulated, trained or scored without one.
    func detectionMunicipality(code: String?) async throws -> Municipality {
        let municipality = try await municipality(code: code)
        guard try await ModelRepository(db).legalBasis(municipality: municipality.id) != nil else {
            throw Abort(.forbidden, reason: "\(municipality.code) \(municipality.name) has recorded no legal basis for early detection, and none runs without one. "
                        + "Record it first: omsorg municipality legal-basis --code \(municipality.code) --reference \"…\" --date YYYY-MM-DD --approved-by \"…\"")
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
