import Foundation
import OmsorgStore
import Vapor

/// `omsorg audit verify [--checkpoint FILE]` walks every municipality's hash chain, against its head
/// and against a checkpoint file, and exits non-zero at the first entry edited, inserted or deleted,
/// or where a chain was cut short. `omsorg audit checkpoint --out FILE` writes each chain's head to
/// a file for an operator to keep outside the database.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify or checkpoint")
        var action: String

        @Option(name: "checkpoint", help: "verify: a file written by 'audit checkpoint'")
        var checkpoint: String?

        @Option(name: "out", help: "checkpoint: the file to write")
        var out: String?
    }

    var help: String { "Verifies the audit log's hash chains, or records their heads (omsorg audit verify | checkpoint --out FILE)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        switch signature.action {
        case "verify":
            let checkpoints = try signature.checkpoint.map(Self.read) ?? []
            let result = try await AuditLog.verify(on: db, checkpoints: checkpoints)
            if let broken = result.firstBreak {
                throw Abort(.conflict, reason: "The audit log is broken at \(broken) (\(result.entries) entries in \(result.chains) chains).")
            }
            context.console.print("The audit log's \(result.entries) entries in \(result.chains) chains are unbroken"
                                  + (checkpoints.isEmpty ? "." : " and hold all \(checkpoints.count) checkpointed heads."))
        case "checkpoint":
            guard let out = signature.out else { throw Abort(.badRequest, reason: "Usage: omsorg audit checkpoint --out FILE") }
            let checkpoints = try await AuditLog.checkpoints(on: db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            do {
                try encoder.encode(checkpoints).write(to: URL(fileURLWithPath: out))
            } catch {
                throw Abort(.badRequest, reason: "Cannot write \(out): \(error.localizedDescription)")
            }
            context.console.print("Wrote the heads of \(checkpoints.count) chains to \(out); keep it where the database's operators cannot change it.")
        default:
            throw Abort(.badRequest, reason: "Usage: omsorg audit verify [--checkpoint FILE] | omsorg audit checkpoint --out FILE")
        }
    }

    private static func read(_ path: String) throws -> [AuditLog.Checkpoint] {
        guard let data = FileManager.default.contents(atPath: path) else { throw Abort(.badRequest, reason: "Cannot read the checkpoint file \(path).") }
        do {
            return try JSONDecoder().decode([AuditLog.Checkpoint].self, from: data)
        } catch {
            throw Abort(.badRequest, reason: "\(path) is not a checkpoint file written by 'omsorg audit checkpoint'.")
        }
    }
}
