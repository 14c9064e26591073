import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// Early detection in a demo municipality, run as an operator runs it: a legal basis, a synthetic
/// population's extracts loaded, a model trained on them and the families it proposes as of
/// yesterday, so that the worklist has proposals to work through. The proposed families are
/// synthetic people, apart from the demo cases.
struct DemoDetection {
    let app: Application
    let inhabitants: Int

    func seed(_ municipality: Municipality) async throws {
        let now = app.omsorg.now()
        let today = LocalDate(now), end = LocalDate(now).addingDays(-1)
        let basis = try LegalBasis(reference: "Demo: byrådets beslutning om tidlig opsporing", decidedOn: today.addingDays(-30),
                                   approvedBy: "Byrådet (demo)").checked(today: today)
        try await ModelRepository(app.db).record(basis, municipality: municipality.id, now: now)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try PopulationGenerator(inhabitants: inhabitants, years: 3, seed: 2024, end: end).generate(into: folder)
        for source in SourceSystem.allCases {
            let data = try Data(contentsOf: folder.appendingPathComponent(source.fileName))
            _ = try await app.loadExtract(data, named: source.fileName, source: source, into: municipality)
        }
        let version = try await app.trainModel(for: municipality, asOf: end, level: 0.05)
        _ = try await app.scoreAndPropose(with: version, asOf: end, in: municipality)
    }
}
