import Crypto
import FluentKit
import Foundation
import OmsorgDomain
import SQLKit
import Synchronization

/// Backs up and restores an embedded (SQLite) database. PostgreSQL has its own tools for this
/// (pg_dump, pg_restore), which know its server better than any copy made through a connection.
public enum DatabaseBackup {
    /// What a backup or a database holds, table by table, so that an operator can compare the two.
    public struct Table: Sendable, Equatable {
        public let name: String
        public let rows: Int
        /// SHA-256 of the rows' values in a fixed order: equal digests, equal contents.
        public let digest: String
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notSQLite
        case exists(String)
        case unreadable(String, reason: String)
        case damaged(String, reason: String)
        case newer(String, migrations: [String])

        public var description: String {
            switch self {
            case .notSQLite:
                "Backup and restore are for the embedded SQLite database; for PostgreSQL use pg_dump --format=custom and pg_restore (see the README)."
            case .exists(let path): "\(path) exists already; choose a new file, so that no earlier backup is overwritten."
            case .unreadable(let path, let reason): "Cannot read \(path) as a SQLite database: \(reason)."
            case .damaged(let path, let reason): "\(path) is not a whole Omsorg backup: \(reason)."
            case .newer(let path, let migrations):
                "\(path) was made by a newer Omsorg (it has \(migrations.joined(separator: ", "))); restore it with that version."
            }
        }
    }

    /// Writes a consistent copy of the database to `path`, while the service goes on reading and
    /// writing: `VACUUM INTO` copies one read transaction's snapshot, so a step written meanwhile is
    /// either wholly in the copy or not at all. The copy is written beside `path` and renamed when
    /// complete, so that a file at `path` is always a whole backup.
    public static func write(to path: String, on db: any Database) async throws -> [Table] {
        let sql = try sqlite(db)
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await sql.raw("VACUUM INTO \(bind: partial)").run()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw Failure.unreadable(path, reason: "\(error)")
        }
        return try await attached(path, on: sql) { try await tables(in: "backup", on: $0) }
    }

    /// Replaces every table of the database with the backup's, in one transaction: a restore that
    /// fails part-way leaves the database as it was. The backup is checked first: whole (SQLite's
    /// integrity check), an Omsorg database, and made by this version or an older one (whose schema
    /// `omsorg restore` then migrates forward). The service should be stopped meanwhile, so that no one
    /// is shown data that is about to be replaced.
    public static func restore(from path: String, knownMigrations: Set<String>, on db: any Database) async throws -> [Table] {
        let sql = try sqlite(db)
        guard FileManager.default.isReadableFile(atPath: path) else { throw Failure.unreadable(path, reason: "no such file") }
        return try await attached(path, on: sql) { connection in
            try await check(path, knownMigrations: knownMigrations, on: connection)
            // Foreign keys are checked once the copy is whole: table by table, a row's parent may not be there yet.
            try await connection.raw("PRAGMA foreign_keys = OFF").run()
            do {
                try await connection.raw("BEGIN IMMEDIATE").run()
                try await replaceSchema(on: connection)
                let problems = try await connection.raw("PRAGMA main.foreign_key_check").all()
                guard problems.isEmpty else { throw Failure.damaged(path, reason: "\(problems.count) rows refer to rows it lacks") }
                try await connection.raw("COMMIT").run()
            } catch {
                try? await connection.raw("ROLLBACK").run()
                try? await connection.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await connection.raw("PRAGMA foreign_keys = ON").run()
            return try await tables(in: "main", on: connection)
        }
    }

    /// Every table of the database, for comparing it with a backup.
    public static func tables(on db: any Database) async throws -> [Table] {
        try await tables(in: "main", on: try sqlite(db))
    }

    private static func sqlite(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase, sql.isSQLite else { throw Failure.notSQLite }
        return sql
    }

    /// Runs `body` on one connection with the file at `path` attached as `backup`.
    private static func attached<T: Sendable>(_ path: String, on db: any SQLDatabase,
                                              _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await (db as! any Database).withConnection { connection in
            let sql = connection as! any SQLDatabase
            do {
                try await sql.raw("ATTACH DATABASE \(bind: path) AS backup").run()
            } catch {
                throw Failure.unreadable(path, reason: "\(error)")
            }
            do {
                let result = try await body(sql)
                try await sql.raw("DETACH DATABASE backup").run()
                return result
            } catch {
                try? await sql.raw("DETACH DATABASE backup").run()
                throw error
            }
        }
    }

    private static func check(_ path: String, knownMigrations: Set<String>, on sql: any SQLDatabase) async throws {
        let integrity: [String]
        do {
            integrity = try await sql.raw("PRAGMA backup.integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
        } catch {
            throw Failure.unreadable(path, reason: "\(error)")
        }
        guard integrity == ["ok"] else { throw Failure.damaged(path, reason: integrity.prefix(3).joined(separator: "; ")) }
        let hasMigrations = try await sql.raw("SELECT 1 AS found FROM backup.sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'").first() != nil
        guard hasMigrations else { throw Failure.damaged(path, reason: "it holds no Omsorg schema") }
        let applied = try await sql.raw("SELECT name FROM backup._fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
        let unknown = applied.filter { !knownMigrations.contains($0) }.sorted()
        guard unknown.isEmpty else { throw Failure.newer(path, migrations: unknown) }
    }

    /// Drops every table and index of the database and creates the backup's, with its rows.
    private static func replaceSchema(on sql: any SQLDatabase) async throws {
        for name in try await names(of: "table", in: "main", on: sql) {
            try await sql.raw("DROP TABLE main.\(ident: name)").run()
        }
        let schema = try await sql.raw("""
            SELECT type, name, sql FROM backup.sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid
            """).all()
        for object in schema {
            // The backup's own statement, as SQLite stored it when the backup's schema was made.
            try await sql.raw("\(unsafeRaw: try object.decode(column: "sql", as: String.self))").run()
            if try object.decode(column: "type", as: String.self) == "table" {
                let name = try object.decode(column: "name", as: String.self)
                try await sql.raw("INSERT INTO main.\(ident: name) SELECT * FROM backup.\(ident: name)").run()
            }
        }
    }

    private static func names(of type: String, in schema: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT name FROM \(ident: schema).sqlite_master WHERE type = \(bind: type) AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Each table's row count and digest: every value quoted as SQL text (`quote` keeps a value's
    /// type and every digit of it), the rows in the order of those texts.
    private static func tables(in schema: String, on sql: any SQLDatabase) async throws -> [Table] {
        var tables: [Table] = []
        for name in try await names(of: "table", in: schema, on: sql) {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: name), \(bind: schema)) ORDER BY cid").all()
                .map { try $0.decode(column: "name", as: String.self) }
            let values = columns.map { "quote(\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\")" }.joined(separator: " || ',' || ")
            let digest = RowDigest()
            // Streamed: a table of the audit log may hold more rows than are worth holding in memory.
            try await sql.raw("SELECT \(unsafeRaw: values) AS v FROM \(ident: schema).\(ident: name) ORDER BY 1").run { row in
                digest.add((try? row.decode(column: "v", as: String.self)) ?? "")
            }
            let (rows, hash) = digest.result
            tables.append(Table(name: name, rows: rows, digest: hash))
        }
        return tables
    }
}

/// The running count and hash of a table's rows as they stream in.
private final class RowDigest: Sendable {
    private let state = Mutex((rows: 0, hash: SHA256()))

    func add(_ row: String) {
        state.withLock { state in
            state.rows += 1
            state.hash.update(data: Data((row + "\n").utf8))
        }
    }

    var result: (rows: Int, digest: String) {
        state.withLock { ($0.rows, Hex.encode($0.hash.finalize())) }
    }
}
