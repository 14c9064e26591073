import Vapor

/// `omsorg demo`: fills the configured database with the demo municipalities and prints the logins.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Creates two demo municipalities with users for every role and synthetic cases." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let seeded = try await DemoSeeder(app: context.application).seedIfEmpty()
        context.console.print(seeded ? "Demo data created." : "The database already has municipalities; nothing was added.")
        context.console.print("Demo logins (username / password):")
        DemoSeeder.logins.forEach { context.console.print("  \($0)") }
    }
}
