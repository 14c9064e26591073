import Fluent
import Vapor

/// `omsorg migrate`: applies the migrations the database lacks, listing them. Unlike Fluent's own
/// command it asks nothing, so deploy scripts and CI can run it; repeating it is harmless.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Brings the database schema up to date with the numbered, append-only migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let migrator = context.application.migrator
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get()
        try await migrator.prepareBatch().get()
        pending.forEach { context.console.print("applied \($0.0.name)") }
        context.console.print("The schema of \(context.application.omsorg.database) is up to date (\(pending.count) migration(s) applied).")
    }
}
