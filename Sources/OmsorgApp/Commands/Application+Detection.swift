import Foundation
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

    /// Checks an extract against its source's schema and loads it pseudonymised, all or nothing;
    /// returns the rows loaded. `name` is how a refusal names the file.
    func loadExtract(_ data: Data, named name: String, source: SourceSystem, into municipality: Municipality,
                     progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }) async throws -> Int {
        let parsed: ParsedExtract
        do throws(ExtractError) {
            parsed = try ExtractParser(source: source, today: LocalDate(omsorg.now())).parse(data)
        } catch {
            throw Abort(.unprocessableEntity, reason: "\(name): \(error)")
        }
        let linked = LinkedExtract(parsed).pseudonymised(by: pseudonymiser(for: municipality))
        try await DetectionRepository(db).ingest(linked, sha256: ExtractParser.contentHash(data), municipality: municipality.id, now: omsorg.now(),
                                                 progress: progress)
        return parsed.rowCount
    }

    /// Trains on the municipality's loaded extracts as of `asOf` and stores the next version.
    func trainModel(for municipality: Municipality, asOf: LocalDate, level: Double) async throws -> ModelRepository.Version {
        let data = try await DetectionRepository(db).dataset(municipality: municipality.id)
        let model: TrainedModel
        do throws(TrainingError) {
            model = try ModelTrainer(level: level).train(data, asOf: asOf)
        } catch {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        return try await ModelRepository(db).store(model, municipality: municipality.id, now: omsorg.now())
    }

    /// Scores every child as of `asOf` with `version`, stores the scores, and proposes the families
    /// the municipality's policy allows.
    func scoreAndPropose(with version: ModelRepository.Version, asOf: LocalDate, in municipality: Municipality) async throws
        -> (ProposalRepository.Outcome, ProposalPolicy) {
        let detection = DetectionRepository(db)
        let data = try await detection.dataset(municipality: municipality.id)
        let table = IndicatorEngine.compute(version.model.selected, on: data, asOf: asOf)
        guard !table.children.isEmpty else { throw Abort(.unprocessableEntity, reason: "No child under 18 is registered on \(asOf) in the loaded population extract.") }
        let households = try await detection.households(municipality: municipality.id)
        let children = table.children.map { data.keys[Int($0)] }
        let scoring = Scoring(version: version.number, model: version.model.model, asOf: asOf, table: table,
                              children: children.map(\.description), households: children.map { households[$0] })
        let proposals = ProposalRepository(db)
        let policy = try await proposals.policy(municipality: municipality.id)
        return (try await proposals.propose(scoring, policy: policy, municipality: municipality.id, now: omsorg.now()), policy)
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
