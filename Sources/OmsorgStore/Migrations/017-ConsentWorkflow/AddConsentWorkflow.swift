import FluentKit
import SQLKit

/// The consent workflow of a proposal: who took it and when, the consent request and the family's
/// deadline, when and why it ended, and the caseworker's judgement of its relevance; and the early
/// preventive efforts started for consenting families.
struct AddConsentWorkflow: AsyncMigration {
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("holder_id", .uuid), ("taken_at", .datetime), ("consent_requested_at", .datetime), ("answer_deadline", .string),
        ("closed_at", .datetime), ("note", .string), ("relevance", .string), ("relevance_note", .string),
    ]

    func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds one per ALTER TABLE.
        for (name, type) in Self.columns { try await database.schema("detection_proposals").field(.string(name), type).update() }
        try await database.schema("preventive_efforts")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("proposal_id", .uuid, .required, .references("detection_proposals", "id"))
            // The child's pseudonym, as in the proposal.
            .field("child", .string, .required)
            .field("offer", .string, .required)
            .field("provider", .string, .required)
            // The goals as a JSON array of strings.
            .field("goals", .string, .required)
            .field("start_date", .string, .required)
            .field("follow_up_date", .string, .required)
            .field("note", .string)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "detection_proposals_holder")
            .on("detection_proposals").column("holder_id").column("state").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("preventive_efforts").delete()
        try await (database as! any SQLDatabase).drop(index: "detection_proposals_holder").run()
        for (name, _) in Self.columns.reversed() { try await database.schema("detection_proposals").deleteField(.string(name)).update() }
    }
}
