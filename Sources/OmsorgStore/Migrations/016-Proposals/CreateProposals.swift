import FluentKit
import SQLKit

/// What scoring leaves behind: each municipality's proposal policy, every scoring run with the
/// version that made it and each child's score, and the families proposed, each once for a day.
struct CreateProposals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("detection_settings")
            .field("municipality_id", .uuid, .identifier(auto: false), .references("municipalities", "id"))
            .field("monthly_capacity", .int, .required)
            .field("threshold", .double)
            .create()
        try await database.schema("model_score_runs")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("version", .int, .required)
            .field("as_of", .string, .required)
            .field("scored_at", .datetime, .required)
            .field("children", .int, .required)
            .field("eligible", .int, .required)
            // Each child's pseudonym and score, as `StoredScores` writes them.
            .field("scores", .string, .required)
            .unique(on: "municipality_id", "version", "as_of")
            .create()
        try await database.schema("detection_proposals")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("run_id", .uuid, .required, .references("model_score_runs", "id"))
            .field("model_version", .int, .required)
            .field("household", .string, .required)
            .field("as_of", .string, .required)
            .field("score", .double, .required)
            .field("state", .string, .required)
            // The proposal's explanation, the JSON of `HouseholdProposal`.
            .field("explanation", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required, .sql(.default(0)))
            .unique(on: "municipality_id", "household", "as_of")
            .create()
        try await (database as! any SQLDatabase).create(index: "detection_proposals_state")
            .on("detection_proposals").column("municipality_id").column("state").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["detection_proposals", "model_score_runs", "detection_settings"] { try await database.schema(table).delete() }
    }
}
