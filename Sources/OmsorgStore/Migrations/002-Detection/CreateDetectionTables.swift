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
        let file = { (builder: SchemaBuilder) in
            builder
                .field("file_id", .uuid, .required, .references("detection_files", "id", onDelete: .cascade))
                .field("municipality_id", .uuid, .required)
        }
        try await file(database.schema("detection_people"))
            .field("pseudonym", .string, .required).field("birth_day", .int, .required)
            .field("sex", .string, .required).field("household", .string, .required)
            .create()
        try await file(database.schema("person_register"))
            .field("pseudonym", .string, .required).field("person_number", .string, .required)
            .create()
        try await file(database.schema("detection_custody"))
            .field("child", .string, .required).field("parent", .string, .required)
            .create()
        try await file(database.schema("detection_events"))
            .field("source", .string, .required).field("subject", .string, .required).field("code", .int, .required)
            .field("day", .int, .required).field("end_day", .int).field("value", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        for table in ["detection_people", "person_register", "detection_custody", "detection_events"] {
            try await sql.create(index: "\(table)_municipality").on(table).column("municipality_id").run()
        }
        try await sql.create(index: "person_register_pseudonym").on("person_register").column("pseudonym").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["detection_events", "detection_custody", "person_register", "detection_people", "detection_files"] {
            try await database.schema(table).delete()
        }
    }
}
