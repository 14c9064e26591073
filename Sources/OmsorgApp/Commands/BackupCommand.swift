import OmsorgStore
import Vapor

/// `omsorg backup --out FILE`: a consistent copy of the embedded database, taken while the service
/// runs. Prints each table's row count and digest, which `omsorg restore` prints again.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The backup file to write; it must not exist yet")
        var out: String?
    }

    var help: String { "Writes a consistent copy of the SQLite database to a new file (omsorg backup --out FILE)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else { throw Abort(.badRequest, reason: "Usage: omsorg backup --out FILE") }
        let tables = try await DatabaseBackup.write(to: out, on: context.application.db)
        TableSummary.print(tables, heading: "Backed up \(context.application.omsorg.database) to \(out):", on: context.console)
    }
}
