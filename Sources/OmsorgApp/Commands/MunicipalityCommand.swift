import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg municipality --code 9903 --name "Vestby Kommune"` registers a municipality;
/// `omsorg municipality legal-basis --code 9903 …` records its legal basis for early detection.
/// A command group answers only to a subcommand's name, so this one dispatches itself: options
/// first means registering.
struct MunicipalityCommand: AnyAsyncCommand {
    private let subcommands: [String: any AnyAsyncCommand] = ["legal-basis": LegalBasisCommand()]

    var help: String { RegisterMunicipalityCommand().help }

    func run(using context: inout CommandContext) async throws {
        try await command(&context).run(using: &context)
    }

    func outputHelp(using context: inout CommandContext) throws {
        try command(&context).outputHelp(using: &context)
    }

    private func command(_ context: inout CommandContext) -> any AnyAsyncCommand {
        guard let name = context.input.arguments.first, let subcommand = subcommands[name] else { return RegisterMunicipalityCommand() }
        context.input.arguments.removeFirst()
        context.input.executablePath.append(name)
        return subcommand
    }
}

/// Registers a municipality: `omsorg municipality --code 9903 --name "Vestby Kommune"`.
struct RegisterMunicipalityCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "The four-digit municipality code")
        var code: String?
        @Option(name: "name", help: "The municipality's name")
        var name: String?
    }

    var help: String { "Registers a municipality (code and name); `municipality legal-basis --help` tells how to record its legal basis for early detection." }

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
