import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// The municipality's early-detection model for analysts and anyone on the staff who asks: its
/// versions, and one version's model card with its ROC and calibration charts and what caseworkers
/// said of its proposals. It holds no personal data, only the model and figures about it.
enum ModelPage {
    struct Model: Sendable {
        let versions: [(number: Int, trainedAt: Date)]
        /// The version shown, with its card and, after the card's sections, the caseworkers'
        /// feedback on its proposals; nil when the municipality has none yet.
        let shown: (number: Int, card: ModelDocument)?
        /// The version asked for, when it was stored in a form this release cannot read.
        var unreadable: Int? = nil
    }

    static func model(version number: Int?, for user: StaffUser, on request: Request) async throws -> Model {
        let models = ModelRepository(request.db)
        let versions = try await models.versions(municipality: user.municipalityID)
        guard let wanted = number ?? versions.first?.number else { return Model(versions: [], shown: nil) }
        guard versions.contains(where: { $0.number == wanted }), let municipality = try await request.staff.municipality(user.municipalityID)
        else { throw Abort(.notFound) }
        let stored: ModelRepository.Version?
        do {
            stored = try await models.version(wanted, municipality: user.municipalityID)
        } catch is DecodingError {
            // One version from an older release hides neither the others nor the page.
            return Model(versions: versions, shown: nil, unreadable: wanted)
        }
        guard let version = stored else { throw Abort(.notFound) }
        let feedback = try await ProposalRepository(request.db).feedback(version: version.number, municipality: user.municipalityID)
        let card = ModelCard.document(version.model, version: version.number, municipality: "\(municipality.code) \(municipality.name)")
        return Model(versions: versions, shown: (version.number, ModelDocument(title: card.title, sections: card.sections + [feedback.section])))
    }
}
