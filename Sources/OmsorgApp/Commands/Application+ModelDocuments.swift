import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import OmsorgWeb
import Vapor

extension Application {
    /// The folder `--out` names (the current one without it), refused before any work when it cannot be written.
    static func documentFolder(_ path: String?) throws -> URL {
        let folder = URL(fileURLWithPath: path ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw Abort(.badRequest, reason: "--out: cannot write to \(folder.path): it does not exist or is not writable.")
        }
        return folder
    }

    /// Version `number` of the municipality's model, or its latest, or a message saying there is none.
    func modelVersion(_ number: Int?, of municipality: Municipality) async throws -> ModelRepository.Version {
        let stored: ModelRepository.Version?
        do {
            stored = try await ModelRepository(db).version(number, municipality: municipality.id)
        } catch is DecodingError {
            throw Abort(.unprocessableEntity, reason: "\(municipality.code)'s model version \(number.map(String.init) ?? "latest") was stored in a form this release cannot read; train a new version.")
        }
        guard let version = stored else {
            throw Abort(.notFound, reason: number.map { "\(municipality.code) has no model version \($0)." }
                        ?? "\(municipality.code) has no model version yet; train one with omsorg model train --municipality \(municipality.code) --as-of YYYY-MM-DD.")
        }
        return version
    }

    /// Writes the model card of `version` and the municipality's impact-assessment summary into
    /// `folder`, each as Markdown and HTML, and returns the files' paths.
    func writeModelDocuments(_ version: ModelRepository.Version, _ municipality: Municipality, into folder: URL) async throws -> [String] {
        let name = "\(municipality.code) \(municipality.name)"
        guard let basis = try await ModelRepository(db).legalBasis(municipality: municipality.id)?.basis else { return [] }
        let assessment = ImpactAssessment(municipality: name, legalBasis: basis,
                                          sources: try await DetectionRepository(db).loadedSources(municipality: municipality.id),
                                          model: version.model, version: version.number,
                                          retention: try await RetentionRepository(db).periods(of: municipality.id))
        let documents = [("model-card", ModelCard.document(version.model, version: version.number, municipality: name)),
                         ("impact-assessment", assessment.document)]
        var written: [String] = []
        for (kind, document) in documents {
            let stem = folder.appendingPathComponent("\(kind)-\(municipality.code)-v\(version.number)")
            for (suffix, text) in [("md", document.markdown), ("html", ModelDocumentView(document).standalone())] {
                let file = stem.appendingPathExtension(suffix)
                try Data(text.utf8).write(to: file, options: .atomic)
                written.append(file.path)
            }
        }
        return written
    }
}
