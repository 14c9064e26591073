import FluentKit
import SQLKit

/// The detection side: pseudonymised extracts, kept apart from the case side's identities.
/// `person_register` is the only table that pairs a pseudonym with a person number.
struct CreateDetectionTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("detection_files")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("source", .string, .required)
            .field("sha256", .string, .required)
            .field("row_count", .int, .required)
            .field("ingested_at", .datetime, .required)
            .unique(on: "municipality_id", "sha256")
            .create()
        try await database.schema("detection_people").partOfFile()
            .field("pseudonym", .string, .required).field("birth_day", .int, .required)
            .field("sex", .string, .required).field("household", .string, .required)
            .create()
        try await database.schema("person_register").partOfFile()
            .field("pseudonym", .string, .required).field("person_number", .string, .required)
            .create()
        try await database.schema("detection_custody").partOfFile()
            .field("child", .string, .required).field("parent", .string, .required)
            .create()
        try await Self.createEventRows(on: database)
        let sql = database as! any SQLDatabase
        for table in ["detection_people", "person_register", "detection_custody"] {
            try await sql.indexMunicipality(of: table)
        }
        try await sql.create(index: "person_register_pseudonym").on("person_register").column("pseudonym").run()
    }

    /// One row per event; replaced by column chunks in `StoreEventsInColumns`, which puts it back on revert.
    static func createEventRows(on database: any Database) async throws {
        try await database.schema("detection_events").partOfFile()
            .field("source", .string, .required).field("subject", .string, .required).field("code", .int, .required)
            .field("day", .int, .required).field("end_day", .int).field("value", .int, .required)
            .create()
        try await (database as! any SQLDatabase).indexMunicipality(of: "detection_events")
    }

    func revert(on database: any Database) async throws {
        for table in ["detection_events", "detection_custody", "person_register", "detection_people", "detection_files"] {
            try await database.schema(table).delete()
        }
    }
}

extension SchemaBuilder {
    /// The columns of a table that holds part of a loaded file: the file, whose deletion takes the
    /// part with it, and its municipality, which every query of the table filters on.
    func partOfFile() -> SchemaBuilder {
        field("file_id", .uuid, .required, .references("detection_files", "id", onDelete: .cascade))
            .field("municipality_id", .uuid, .required)
    }
}

extension SQLDatabase {
    func indexMunicipality(of table: String) async throws {
        try await create(index: "\(table)_municipality").on(table).column("municipality_id").run()
    }
}
