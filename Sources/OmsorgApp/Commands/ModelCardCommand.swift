import OmsorgStore
import Vapor

/// `omsorg model card --municipality 9903 [--version 2] [--out DIR]`: writes a stored version's
/// model card and the impact-assessment summary again, from the version alone.
struct ModelCardCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Option(name: "version", help: "The version's number (default: the latest)")
        var version: Int?
        @Option(name: "out", help: "The folder to write into (default: the current folder)")
        var out: String?
    }

    var help: String { "Writes a stored model version's model card and impact assessment (Markdown and HTML)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let folder = try Application.documentFolder(signature.out)
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        let version = try await app.modelVersion(signature.version, of: municipality)
        for file in try await app.writeModelDocuments(version, municipality, into: folder) { context.console.print("wrote \(file)") }
    }
}
