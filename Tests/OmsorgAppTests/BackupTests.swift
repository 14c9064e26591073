import Fluent
import Foundation
@testable import OmsorgStore
import SQLKit
import Testing
import Vapor

@Suite("Backup and restore")
struct BackupTests {
    /// A backup taken while reports are written is one consistent moment: restored elsewhere it is
    /// table for table the backup, its audit chains are whole and a prefix of the service's own, and
    /// its cases can be read. Taken when the writes are over, it equals the database exactly.
    @Test func aBackupTakenDuringWritesRestoresWholeAndEqual() async throws {
        try await TestApp.run(on: .sqlite) { source in
            let worker = try await source.client("sydby.caseworker")
            let firstCase = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: Self.personNumber(0)))["caseId"] as! String
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }

            let written = Counter()
            let writes = Task {
                try await concurrently(60) { index in
                    let status = try await worker.send(.POST, "/api/v1/reports-of-concern", json: report(personNumber: Self.personNumber(index + 1))).status
                    await written.add()
                    return status
                }
            }
            while await written.value < 10 { try await Task.sleep(for: .milliseconds(2)) }
            let duringWrites = try await DatabaseBackup.write(to: folder.appendingPathComponent("during.sqlite").path, on: source.app.db)
            let writtenByThen = await written.value
            #expect(try await writes.value.allSatisfy { $0 == .created })
            // Taken in the middle of the writes, not before or after them.
            let casesDuring = try #require(duringWrites.first { $0.name == "cases" }).rows
            #expect(casesDuring > 10 && casesDuring < 61 && writtenByThen < 60, "\(casesDuring) cases in the backup")

            try await TestApp.run(on: .sqlite) { target in
                let restored = try await DatabaseBackup.restore(from: folder.appendingPathComponent("during.sqlite").path,
                                                                knownMigrations: Migrations.omsorgNames, on: target.app.db)
                #expect(restored == duringWrites)
                let audit = try await AuditLog.verify(on: target.app.db)
                #expect(audit.firstBreak == nil && audit.entries > 0)
                // Each restored head lies on the service's chain: the backup is the chain as it stood.
                let heads = try await AuditLog.checkpoints(on: target.app.db)
                #expect(try await AuditLog.verify(on: source.app.db, checkpoints: heads).firstBreak == nil)
                let restoredWorker = try await target.client("sydby.caseworker")
                try await restoredWorker.expect(.ok, .GET, "/api/v1/cases/\(firstCase)")
            }

            let afterWrites = try await DatabaseBackup.write(to: folder.appendingPathComponent("after.sqlite").path, on: source.app.db)
            #expect(afterWrites == (try await DatabaseBackup.tables(on: source.app.db)))
            #expect(afterWrites.first { $0.name == "cases" }?.rows == 61)
            try await TestApp.run(on: .sqlite) { target in
                let restored = try await DatabaseBackup.restore(from: folder.appendingPathComponent("after.sqlite").path,
                                                                knownMigrations: Migrations.omsorgNames, on: target.app.db)
                #expect(restored == afterWrites)
                #expect(try await DatabaseBackup.tables(on: target.app.db) == afterWrites)
            }
        }
    }

    /// What cannot be restored is refused with its reason, and the database is left as it was.
    @Test func aFaultyBackupIsRefusedAndChangesNothing() async throws {
        try await TestApp.run(on: .sqlite) { test in
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let backup = folder.appendingPathComponent("backup.sqlite").path
            _ = try await DatabaseBackup.write(to: backup, on: test.app.db)
            await #expect(throws: DatabaseBackup.Failure.exists(backup)) { try await DatabaseBackup.write(to: backup, on: test.app.db) }

            let before = try await DatabaseBackup.tables(on: test.app.db)
            let unknownHere = Migrations.omsorgNames.sorted().first!
            await #expect(throws: DatabaseBackup.Failure.newer(backup, migrations: [unknownHere])) {
                try await DatabaseBackup.restore(from: backup, knownMigrations: Migrations.omsorgNames.subtracting([unknownHere]), on: test.app.db)
            }
            let text = folder.appendingPathComponent("notes.txt").path
            try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: text))
            await #expect {
                try await DatabaseBackup.restore(from: text, knownMigrations: Migrations.omsorgNames, on: test.app.db)
            } throws: { error in
                if case .unreadable = error as? DatabaseBackup.Failure { return true }
                if case .damaged = error as? DatabaseBackup.Failure { return true }
                return false
            }
            // A backup whose step refers to a case it lacks passes every check before the tables are
            // replaced and fails after: the one transaction leaves the database as it was.
            let dangling = folder.appendingPathComponent("dangling.sqlite").path
            _ = try await DatabaseBackup.write(to: dangling, on: test.app.db)
            try await test.app.db.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA foreign_keys = OFF").run()
                try await sql.raw("ATTACH DATABASE \(bind: dangling) AS damaged").run()
                try await sql.raw("""
                    INSERT INTO damaged.case_steps (id, case_id, sequence, kind, payload, recorded_by, recorded_at)
                    VALUES (\(bind: UUID()), \(bind: UUID()), 0, 'closure', '{}', \(bind: UUID()), \(bind: Date()))
                    """).run()
                try await sql.raw("DETACH DATABASE damaged").run()
                try await sql.raw("PRAGMA foreign_keys = ON").run()
            }
            await #expect(throws: DatabaseBackup.Failure.damaged(dangling, reason: "1 rows refer to rows it lacks")) {
                try await DatabaseBackup.restore(from: dangling, knownMigrations: Migrations.omsorgNames, on: test.app.db)
            }
            let missing = folder.appendingPathComponent("missing.sqlite").path
            await #expect(throws: DatabaseBackup.Failure.unreadable(missing, reason: "no such file")) {
                try await DatabaseBackup.restore(from: missing, knownMigrations: Migrations.omsorgNames, on: test.app.db)
            }
            #expect(try await DatabaseBackup.tables(on: test.app.db) == before)
        }
    }

    /// PostgreSQL is backed up with its own tools, which the refusal names.
    @Test(arguments: TestDatabase.available.filter { $0 == .postgres })
    func postgresIsLeftToItsOwnTools(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            await #expect(throws: DatabaseBackup.Failure.notSQLite) {
                try await DatabaseBackup.write(to: "/tmp/never-\(UUID()).sqlite", on: test.app.db)
            }
            #expect(DatabaseBackup.Failure.notSQLite.description.contains("pg_dump"))
        }
    }

    private actor Counter {
        private(set) var value = 0
        func add() { value += 1 }
    }

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func personNumber(_ index: Int) -> String { ConcurrencyTests.personNumber(index) }
}
