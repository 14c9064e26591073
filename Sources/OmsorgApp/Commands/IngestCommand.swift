import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg ingest --source dental --municipality 9901 FILE.csv`: checks an extract against its
/// declared schema and loads it pseudonymised, all or nothing, once.
struct IngestCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "source", help: "population, custody, health-visiting, dental, job-centre, daycare, social-services or substance-treatment")
        var source: String?
        @Option(name: "municipality", help: "The municipality's code")
        var municipality: String?
        @Argument(name: "file", help: "The CSV extract")
        var file: String
    }

    var help: String { "Loads a source-system extract (CSV) into the detection store, pseudonymised." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let source = try SourceSystem.named(signature.source)
        let municipality = try await app.detectionMunicipality(code: signature.municipality)
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw Abort(.notFound, reason: "Cannot read \(signature.file).")
        }
        let repository = DetectionRepository(app.db)
        let hash = ExtractParser.contentHash(data)
        if let earlier = try await repository.ingestedAt(sha256: hash, municipality: municipality.id) {
            context.console.print("\(signature.file) was already loaded on \(earlier); nothing was added.")
            return
        }
        let console = context.console
        let rows = try await app.loadExtract(data, named: signature.file, source: source, into: municipality) { table, done, total in
            console.print("ingest: \(table) \(done)/\(total) rows")
        }
        console.print("Loaded \(rows) rows of \(source.rawValue) for \(municipality.name) from \(signature.file).")
    }
}
