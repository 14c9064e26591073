import FluentKit
import SQLKit

/// A work tray of thousands of open deadlines read them all through `cases` to find whose they were,
/// then sorted them: 20 ms a page. Each deadline now carries its case's municipality, team and
/// caseworker, kept by `CaseRepository` whenever those change. Partial indexes of the open ones
/// serve a caseworker's tray and a team's tray already in order, and a narrow one counts a
/// caseworker's open deadlines in a third fewer index pages than the wide one.
struct UpdateDeadlinesAddOwners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds one per ALTER TABLE.
        for (column, type) in [("municipality_id", DatabaseSchema.DataType.uuid), ("team", .string), ("caseworker_id", .uuid)] {
            try await database.schema("deadlines").field(.string(column), type).update()
        }
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            UPDATE deadlines SET
                municipality_id = (SELECT municipality_id FROM cases WHERE cases.id = deadlines.case_id),
                team = (SELECT team FROM cases WHERE cases.id = deadlines.case_id),
                caseworker_id = (SELECT caseworker_id FROM cases WHERE cases.id = deadlines.case_id)
            """).run()
        // Plain SQL: partial indexes are written alike in SQLite and PostgreSQL, and SQLKit's index
        // builder has no WHERE.
        try await sql.raw("""
            CREATE INDEX deadlines_open_by_caseworker ON deadlines (caseworker_id, municipality_id, team, due_at, id)
            WHERE met_at IS NULL
            """).run()
        try await sql.raw("""
            CREATE INDEX deadlines_open_count_by_caseworker ON deadlines (caseworker_id, municipality_id, team)
            WHERE met_at IS NULL
            """).run()
        try await sql.raw("""
            CREATE INDEX deadlines_open_by_team ON deadlines (municipality_id, team, due_at, id, caseworker_id)
            WHERE met_at IS NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "deadlines_open_by_team").run()
        try await sql.drop(index: "deadlines_open_count_by_caseworker").run()
        try await sql.drop(index: "deadlines_open_by_caseworker").run()
        for column in ["caseworker_id", "team", "municipality_id"] {
            try await database.schema("deadlines").deleteField(.string(column)).update()
        }
    }
}
