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
        case .sqliteFile(let path): .sqlite(.file(path), connectionPoolTimeout: Self.connectionWait)
        case .sqliteMemory: .sqlite(.memory, connectionPoolTimeout: Self.connectionWait)
        case .postgres(let url): try .postgres(url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: Self.connectionWait)
        }
    }

    /// Settings for a SQLite file, given the database of each event loop (each has its own
    /// connection, kept open by its pool):
    /// - the file is written ahead (WAL), so that reads go on while a step is written;
    /// - a writer waits up to `writeWaitMilliseconds` for a writer in another process, then fails
    ///   rather than hang;
    /// - NORMAL sync: in WAL mode a commit survives the process dying and the file stays whole
    ///   through a power cut, which could lose only the last moments' commits. Every read writes
    ///   its audit entry, so this is one disk flush per checkpoint instead of one per page shown;
    /// - reads go through memory mapping: each write makes the other connections drop their page
    ///   caches, which they would otherwise read back from the kernel page by page.
    public func prepare(_ connections: [any Database]) async throws {
        guard case .sqliteFile = self else { return }
        for db in connections {
            try await db.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA journal_mode = WAL").run()
                try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.writeWaitMilliseconds))").run()
                try await sql.raw("PRAGMA synchronous = NORMAL").run()
                try await sql.raw("PRAGMA mmap_size = \(unsafeRaw: String(Self.mappedBytes))").run()
            }
        }
    }

    /// How long a request waits for a free connection: a burst of writes to one case queues on its
    /// row, holding connections, and the requests behind it should wait, not fail.
    static let connectionWait: TimeAmount = .seconds(30)

    /// The most of a SQLite file each connection maps; beyond it, reads copy as usual.
    static var mappedBytes: Int { 1 << 30 }

    /// A step is written in milliseconds; a wait this long means something is stuck.
    static var writeWaitMilliseconds: Int { 10_000 }

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
