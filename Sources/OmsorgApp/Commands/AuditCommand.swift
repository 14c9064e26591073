import OmsorgStore
import Vapor

/// `omsorg audit verify`: walks the audit log's hash chain; exits non-zero at the first entry that
/// was changed, or where one was deleted.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Verifies the audit log's hash chain (omsorg audit verify)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw Abort(.badRequest, reason: "Usage: omsorg audit verify") }
        let (entries, brokenAt) = try await AuditLog.verify(on: context.application.db)
        if let brokenAt {
            throw Abort(.conflict, reason: "The audit log is broken at entry \(brokenAt) of \(entries): an entry was changed or deleted.")
        }
        context.console.print("The audit log's \(entries) entries form an unbroken chain.")
    }
}
