import OmsorgDomain
import OmsorgStore
import Vapor

/// `omsorg administrator --municipality 9903 --username vestby.admin --name "Vera Hansen"`: adds an
/// administrator to a municipality, typically its first, who then sets up the staff on the pages.
/// The password is read from standard input, so that it stays out of the shell's history and the
/// process list.
struct AdministratorCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "municipality", help: "The municipality's four-digit code")
        var municipality: String?
        @Option(name: "username", help: "What the administrator signs in with")
        var username: String?
        @Option(name: "name", help: "The administrator's name")
        var name: String?
    }

    var help: String { "Adds an administrator to a municipality (--municipality CODE --username NAME --name \"FULL NAME\"; password on standard input)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let code = signature.municipality, let username = signature.username, let name = signature.name else {
            throw Abort(.badRequest, reason: "--municipality, --username and --name are required.")
        }
        let app = context.application
        let staff = StaffRepository(app.db)
        guard let municipality = try await staff.municipality(code: code) else {
            throw Abort(.notFound, reason: "No municipality \(code); register it first with omsorg municipality --code \(code) --name NAME.")
        }
        let prompt = "Password (\(StaffUser.passwordBytes.lowerBound)–\(StaffUser.passwordBytes.upperBound) characters): "
        context.console.output(prompt.consoleText(), newLine: false)
        // Typed at a terminal without an echo, or piped in from a password manager or a script.
        let password = isatty(STDIN_FILENO) != 0 ? context.console.input(isSecure: true) : readLine(strippingNewline: true) ?? ""
        do throws(CaseFlowError) {
            _ = try StaffUser(municipalityID: municipality.id, username: username, displayName: name, role: .administrator, team: nil).checked()
            try StaffUser.checkPassword(password)
        } catch {
            throw Abort(.badRequest, reason: "--\(Self.option(for: error.field)): \(error.message)")
        }
        let user = StaffUser(municipalityID: municipality.id, username: username, displayName: name, role: .administrator, team: nil)
        do {
            let account = try await staff.addAdministrator(user, passwordHash: try await app.passwordHasher.hash(password), now: app.omsorg.now())
            context.console.print("Added administrator \(account.user.username) (\(account.user.displayName)) to \(municipality.code) \(municipality.name).")
        } catch StoreError.duplicate(let message, _) {
            throw Abort(.conflict, reason: message)
        }
    }

    /// The command's words for a field the rules name.
    private static func option(for field: String?) -> String {
        switch field {
        case "displayName": "name"
        case "password": "password (standard input)"
        default: field ?? "input"
        }
    }
}
