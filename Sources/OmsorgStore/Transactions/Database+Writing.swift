import FluentKit
import FluentSQLiteDriver
import SQLKit

extension Database {
    /// Runs `body` in a transaction that writes, all or nothing, without refusing work because
    /// another transaction writes at the same moment.
    ///
    /// On SQLite, Fluent's `BEGIN` is deferred: two transactions that both read first and then
    /// write deadlock on the upgrade to the write lock, and SQLite answers one of them "database is
    /// locked" at once, without waiting. Here writers queue in the process (`WriterQueue`), and
    /// `BEGIN IMMEDIATE` takes the write lock first, waiting (`DatabaseLocation.prepare`) for a
    /// writer in another process, while readers go on (WAL).
    /// PostgreSQL locks rows: writes to different cases wait only for their municipality's audit
    /// head, which each holds for the moment before it commits.
    ///
    /// A writer in another process that holds SQLite's lock past the wait (a long `omsorg ingest`,
    /// say) makes this fail with `StoreError.busy`, and nothing is written.
    public func writing<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        // Inside another transaction (the demo seeding, say) the body joins it.
        guard isSQLite, !inTransaction else { return try await transaction(body) }
        // A body that writes again joins its own transaction: this task holds the queue already,
        // and waiting for it again would wait for ever.
        if let held = WriterQueue.connection { return try await body(held) }
        do {
            return try await WriterQueue.sqlite.run { try await withConnection { connection in
                try await WriterQueue.$connection.withValue(connection) { try await Self.immediate(body, on: connection) }
            } }
        } catch let error as SQLiteError where [.busy, .locked].contains(error.reason) {
            throw StoreError.busy
        }
    }

    private static func immediate<T: Sendable>(_ body: @Sendable (any Database) async throws -> T, on connection: any Database) async throws -> T {
        let sql = connection as! any SQLDatabase
        try await sql.raw("BEGIN IMMEDIATE").run()
        do {
            let result = try await body(connection)
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    var isSQLite: Bool { (self as? any SQLDatabase)?.isSQLite == true }
}

extension SQLDatabase {
    var isSQLite: Bool { dialect.name == "sqlite" }
}
