import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import OmsorgDomain

/// Where the data lives: an embedded SQLite file (the default), SQLite in memory (tests), or a
/// PostgreSQL server shared by many municipalities.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    /// Reads a `--database` value: a `postgres://` URL, `:memory:`, or a path to a SQLite file.
    public init(argument: String) throws(ValidationError) {
        if argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://") {
            guard URL(string: argument)?.host != nil else {
                throw ValidationError("The PostgreSQL URL must look like postgres://user:password@host:5432/database.")
            }
            self = .postgres(url: argument)
        } else if argument == ":memory:" {
            self = .sqliteMemory
        } else if argument.isEmpty {
            throw ValidationError("The database is a SQLite file path or a postgres:// URL.")
        } else {
            self = .sqliteFile(path: argument)
        }
    }

    public var isEmbedded: Bool {
        if case .postgres = self { return false }
        return true
    }

    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path): .sqlite(.file(path))
        case .sqliteMemory: .sqlite(.memory)
        case .postgres(let url): try .postgres(url: url, maxConnectionsPerEventLoop: 4)
        }
    }

    /// Settings the database file keeps: a SQLite file is written ahead (WAL), so that pages and
    /// API reads go on while a step is written, instead of waiting for the writer.
    public func prepare(_ db: any Database) async throws {
        guard case .sqliteFile = self else { return }
        try await (db as! any SQLDatabase).raw("PRAGMA journal_mode = WAL").run()
    }

    public var databaseID: DatabaseID {
        isEmbedded ? .sqlite : .psql
    }

    /// Never prints a password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url):
            URL(string: url).map { "PostgreSQL \($0.host ?? "?"):\($0.port ?? 5432)\($0.path)" } ?? "PostgreSQL"
        }
    }
}
