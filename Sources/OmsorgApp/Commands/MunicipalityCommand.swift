import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg municipality --code 9903 --name "Vestby Kommune"`: registers a municipality.
struct MunicipalityCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "The four-digit municipality code")
        var code: String?
        @Option(name: "name", help: "The municipality's name")
        var name: String?
    }

    var help: String { "Registers a municipality (code and name)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let code = signature.code, code.count == 4, code.allSatisfy(\.isNumber), let name = signature.name, !name.isEmpty else {
            throw Abort(.badRequest, reason: "--code with four digits and --name are required.")
        }
        let staff = StaffRepository(context.application.db)
        if try await staff.municipality(code: code) != nil {
            context.console.print("Municipality \(code) exists; nothing changed.")
            return
        }
        try await staff.createMunicipality(Municipality(code: code, name: name))
        context.console.print("Registered municipality \(code) \(name).")
    }
}
