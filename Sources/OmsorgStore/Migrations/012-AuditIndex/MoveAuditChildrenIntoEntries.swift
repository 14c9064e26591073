import FluentKit
import FluentSQL
import Foundation

/// An entry names its children in its own row (`children`, sorted and comma-separated, as its hash
/// reads them), so that storing it appends to the log's end. The per-child index `audit_children`,
/// one row per child of each entry put at random places, gives way to `audit_child_blocks`: one row
/// per child for each block of entries the index files together, listing the child's entries in
/// it, built behind the writes (`AuditIndex`) up to `audit_indexed.through` in each chain.
struct MoveAuditChildrenIntoEntries: AsyncMigration {
    /// How the entries filed before this migration are grouped into blocks.
    static let blockSpan = 500

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries").field("children", .string, .required, .sql(.default(""))).update()
        try await database.schema("audit_child_blocks")
            .field("municipality_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("first_sequence", .int, .required)
            .field("last_sequence", .int, .required)
            .field("entries", .int, .required)
            .field("sequences", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_child_blocks_child").on("audit_child_blocks")
            .column("municipality_id").column("child_id").column("last_sequence").run()
        try await database.schema("audit_indexed")
            .field("municipality_id", .uuid, .identifier(auto: false))
            .field("through", .int, .required)
            .create()
        // Each entry looks up its own rows: without an index by entry, every lookup would read the
        // municipality's whole per-child index.
        try await sql.create(index: "audit_children_entry").on("audit_children").column("municipality_id").column("sequence").run()
        if sql.isSQLite {
            try await sql.raw("""
                UPDATE audit_entries SET children = COALESCE((
                    SELECT group_concat(c, ',') FROM (
                        SELECT lower(a.child_id) AS c FROM audit_children a
                        WHERE a.municipality_id = audit_entries.municipality_id AND a.sequence = audit_entries.sequence ORDER BY c)), '')
                """).run()
            try await sql.raw("""
                INSERT INTO audit_child_blocks (municipality_id, child_id, first_sequence, last_sequence, entries, sequences)
                SELECT municipality_id, child_id, MIN(sequence), MAX(sequence), COUNT(*), group_concat(sequence, ',')
                FROM (SELECT * FROM audit_children ORDER BY municipality_id, child_id, sequence)
                GROUP BY municipality_id, child_id, sequence / \(literal: Self.blockSpan)
                """).run()
        } else {
            try await sql.raw("""
                UPDATE audit_entries e SET children = COALESCE((
                    SELECT string_agg(a.child_id::text, ',' ORDER BY a.child_id::text) FROM audit_children a
                    WHERE a.municipality_id = e.municipality_id AND a.sequence = e.sequence), '')
                """).run()
            try await sql.raw("""
                INSERT INTO audit_child_blocks (municipality_id, child_id, first_sequence, last_sequence, entries, sequences)
                SELECT municipality_id, child_id, MIN(sequence), MAX(sequence), COUNT(*), string_agg(sequence::text, ',' ORDER BY sequence)
                FROM audit_children GROUP BY municipality_id, child_id, sequence / \(literal: Self.blockSpan)
                """).run()
        }
        try await sql.raw("INSERT INTO audit_indexed (municipality_id, through) SELECT municipality_id, sequence FROM audit_heads").run()
        try await database.schema("audit_children").delete()
    }

    /// Puts the row per child back, from the entries' own lists.
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("audit_children")
            .field("municipality_id", .uuid, .required)
            .field("sequence", .int, .required)
            .field("child_id", .uuid, .required)
            .create()
        try await sql.create(index: "audit_children_child").on("audit_children").column("municipality_id").column("child_id").run()
        for row in try await sql.select().columns("municipality_id", "sequence", "children").from("audit_entries").all() {
            for child in try row.decode(column: "children", as: String.self).split(separator: ",").compactMap({ UUID(uuidString: String($0)) }) {
                try await sql.insert(into: "audit_children").columns("municipality_id", "sequence", "child_id")
                    .values(SQLBind(try row.decode(column: "municipality_id", as: UUID.self)), SQLBind(try row.decode(column: "sequence", as: Int.self)),
                            SQLBind(child)).run()
            }
        }
        try await database.schema("audit_indexed").delete()
        try await database.schema("audit_child_blocks").delete()
        try await database.schema("audit_entries").deleteField("children").update()
    }
}
