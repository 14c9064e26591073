import Fluent
import OmsorgStore
import OmsorgWeb
import Vapor

/// The composition root: the service, the command line and the tests all build the application here.
public func configure(_ app: Application, with configuration: OmsorgConfiguration) async throws {
    if app.environment == .production && configuration.pseudonymSecret == nil {
        throw Abort(.internalServerError, reason: "OMSORG_PSEUDONYM_SECRET must be set in production: it keys every pseudonym.")
    }
    app.omsorg = configuration
    app.databases.use(try configuration.database.configuration(), as: configuration.database.databaseID)
    if configuration.usesDatabase {
        try await configuration.database.prepare(app.eventLoopGroup.makeIterator().compactMap {
            app.databases.database(configuration.database.databaseID, logger: app.logger, on: $0)
        })
    }
    app.migrations.addOmsorg()
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(IngestCommand(), as: "ingest")
    app.asyncCommands.use(IndicatorsCommand(), as: "indicators")
    app.asyncCommands.use(MunicipalityCommand(), as: "municipality")
    app.asyncCommands.use(AdministratorCommand(), as: "administrator")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(RetentionCommand(), as: "retention")
    app.asyncCommands.use(ModelCommand(), as: "model")
    installWeb(on: app, settings: configuration.web)
    if configuration.migrateOnStart {
        // The embedded database has no operator to run `migrate`; it is brought up to date on start.
        try await app.autoMigrate()
    }
    if configuration.indexesAuditLog {
        app.lifecycle.use(AuditIndexing())
    }
    if configuration.seedDemo {
        try await DemoSeeder(app: app).seedIfEmpty()
    }
}

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = OmsorgConfiguration
    }

    /// The configuration this application was built with.
    public var omsorg: OmsorgConfiguration {
        get {
            guard let configuration = storage[ConfigurationKey.self] else { fatalError("configure(_:with:) has not run") }
            return configuration
        }
        set { storage[ConfigurationKey.self] = newValue }
    }
}
