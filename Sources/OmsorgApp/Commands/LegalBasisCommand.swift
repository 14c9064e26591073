import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg municipality legal-basis --code 9903 --reference "…" --date 2026-03-01 --approved-by "…"`:
/// records the legal basis early detection runs on for the municipality. Without one, loading,
/// tabulating, training and scoring are refused.
struct LegalBasisCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "The municipality's four-digit code")
        var code: String?
        @Option(name: "reference", help: "The provision or decision that allows the processing")
        var reference: String?
        @Option(name: "date", help: "The day it was decided, YYYY-MM-DD")
        var date: String?
        @Option(name: "approved-by", help: "Who approved it (a council, a committee, a named officer)")
        var approvedBy: String?
    }

    var help: String { "Records the municipality's legal basis for early detection (--code --reference --date --approved-by)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let dateText = signature.date else { throw Abort(.badRequest, reason: "--date YYYY-MM-DD is required: the day the basis was decided.") }
        let decidedOn: LocalDate
        do { decidedOn = try LocalDate(iso: dateText) } catch { throw Abort(.badRequest, reason: "--date: \(dateText) is not a date YYYY-MM-DD.") }
        let basis: LegalBasis
        do throws(CaseFlowError) {
            basis = try LegalBasis(reference: signature.reference ?? "", decidedOn: decidedOn, approvedBy: signature.approvedBy ?? "")
                .checked(today: LocalDate(app.omsorg.now()))
        } catch {
            switch error.field {
            case "date": throw Abort(.badRequest, reason: "--date: \(decidedOn) is in the future; a basis is recorded once it has been decided.")
            case "approvedBy": throw Abort(.badRequest, reason: "--approved-by: \(error.message)")
            default: throw Abort(.badRequest, reason: "--\(error.field ?? "reference"): \(error.message)")
            }
        }
        let municipality = try await app.municipality(code: signature.code, option: "--code")
        try await ModelRepository(app.db).record(basis, municipality: municipality.id, now: app.omsorg.now())
        context.console.print("Recorded the legal basis for early detection in \(municipality.code) \(municipality.name): \(basis.reference) (\(basis.decidedOn), approved by \(basis.approvedBy)).")
    }
}
