import Fluent
import OmsorgStore
import Vapor

/// `omsorg restore FILE`: replaces the embedded database with a backup, all at once, and checks
/// the restored audit chains. Stop the service first.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file written by 'omsorg backup'")
        var file: String
    }

    var help: String { "Replaces the SQLite database with a backup written by 'omsorg backup' (stop the service first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let tables = try await DatabaseBackup.restore(from: signature.file, knownMigrations: Migrations.omsorgNames, on: db)
        TableSummary.print(tables, heading: "Restored \(context.application.omsorg.database) from \(signature.file):", on: context.console)
        // A backup of an older version is brought up to this one's schema before its log is checked.
        try await context.application.autoMigrate()
        let audit = try await AuditLog.verify(on: db)
        if let broken = audit.firstBreak {
            throw Abort(.conflict, reason: "Restored, but the backup's audit log is broken at \(broken).")
        }
        context.console.print("The restored audit log's \(audit.entries) entries in \(audit.chains) chains are unbroken.")
    }
}
