import Foundation
import OmsorgDomain
import OmsorgStore
import OmsorgWeb

/// Everything the service is configured with, read once at start-up from the command line and the
/// environment. Nothing else reads either.
public struct OmsorgConfiguration: Sendable {
    public var database: DatabaseLocation
    /// Seed the demo municipalities when the database is empty (`serve --demo`).
    public var seedDemo = false
    /// Bring the embedded database up to date on start. Not for commands that use no database.
    public var migrateOnStart = true
    /// False for the commands that work on files only (`generate`, `model`): they open no database
    /// (an embedded one is not even created) and print nothing but their own output.
    public var usesDatabase = true
    /// File the audit log by child in the background: what the service does, not its commands.
    public var indexesAuditLog = false
    /// Sessions, sign-in limits, password hashing and request limits of the HTTP layer.
    public var web = WebSettings()
    /// bcrypt's work factor: slow on purpose in service, lowered only by tests.
    public var passwordCost: Int {
        get { web.passwordCost }
        set { web.passwordCost = newValue }
    }
    /// The clock every rule and deadline is read against; tests fix it.
    public var now: @Sendable () -> Date {
        get { web.now }
        set { web.now = newValue }
    }
    /// The secret the detection side's pseudonyms are keyed with (`OMSORG_PSEUDONYM_SECRET`).
    /// Required in production; elsewhere a fixed development secret stands in.
    public var pseudonymSecret: String?

    public static let developmentPseudonymSecret = "omsorg-development-only-not-secret"

    public init(database: DatabaseLocation) {
        self.database = database
        migrateOnStart = database.isEmbedded
    }

    /// Commands, with the subcommand where the rest of their group needs the database, that read
    /// and write only files; `model evaluate` does with `--scores`.
    static func isDatabaseFree(_ arguments: [String]) -> Bool {
        let words = Array(arguments.prefix(2))
        return words.starts(with: ["generate"]) || words == ["model", "fit"] || words == ["model", "evaluate"] && arguments.contains("--scores")
    }
    /// Commands that copy the database as it is: a backup of what is there, and a restore that
    /// replaces it whole and then migrates an older backup forward itself.
    static let asIsCommands: Set<String> = ["backup", "restore"]

    /// Reads the Omsorg options (`--database URL|PATH`, `--demo`), `DATABASE_URL` and
    /// `OMSORG_TRUST_FORWARDED_FOR=1` (behind one reverse proxy), and returns the
    /// remaining arguments for Vapor's own commands (`serve --hostname --port`, `migrate`, …).
    public static func parse(arguments: [String], environment: [String: String]) throws -> (OmsorgConfiguration, [String]) {
        var remaining: [String] = []
        var databaseArgument = environment["DATABASE_URL"]
        var seedDemo = false
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--database":
                guard let value = iterator.next() else { throw ValidationError("--database needs a SQLite file path or a postgres:// URL.") }
                databaseArgument = value
            case "--demo":
                seedDemo = true
            default:
                remaining.append(argument)
            }
        }
        var configuration = OmsorgConfiguration(database: try DatabaseLocation(argument: databaseArgument ?? "omsorg.sqlite"))
        configuration.seedDemo = seedDemo
        configuration.pseudonymSecret = environment["OMSORG_PSEUDONYM_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.web.trustForwardedFor = environment["OMSORG_TRUST_FORWARDED_FOR"] == "1"
        // `serve` is also what runs with no command, or with only options.
        let command = remaining.dropFirst().first
        configuration.indexesAuditLog = command == nil || command == "serve" || command?.hasPrefix("-") == true
        configuration.usesDatabase = !isDatabaseFree(Array(remaining.dropFirst()))
        configuration.migrateOnStart = configuration.database.isEmbedded && configuration.usesDatabase && !asIsCommands.contains(command ?? "")
        return (configuration, remaining)
    }
}
