import FluentKit
import SQLKit

/// The early-detection model's records: each municipality's legal basis (the latest row is the one
/// in force; earlier ones stay as its history) and the model versions trained for it. A version is
/// what later scores are explained by, so the database itself refuses to change one once stored.
struct CreateModelVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("detection_legal_bases")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("reference", .string, .required)
            .field("decided_on", .string, .required)
            .field("approved_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema("model_versions")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("number", .int, .required)
            .field("trained_at", .datetime, .required)
            .field("as_of", .string, .required)
            .field("data_sha256", .string, .required)
            // The whole version as the store's own versioned JSON (`StoredModel`).
            .field("content", .string, .required)
            .unique(on: "municipality_id", "number")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.indexMunicipality(of: "detection_legal_bases")
        if sql.isSQLite {
            try await sql.raw("""
                CREATE TRIGGER model_versions_unchanged BEFORE UPDATE ON model_versions
                BEGIN SELECT RAISE(ABORT, 'A stored model version cannot be changed.'); END
                """).run()
        } else {
            try await sql.raw("""
                CREATE FUNCTION refuse_model_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'A stored model version cannot be changed.'; END $$
                """).run()
            try await sql.raw("CREATE TRIGGER model_versions_unchanged BEFORE UPDATE ON model_versions FOR EACH ROW EXECUTE FUNCTION refuse_model_version_change()").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("model_versions").delete()
        let sql = database as! any SQLDatabase
        if !sql.isSQLite { try await sql.raw("DROP FUNCTION refuse_model_version_change()").run() }
        try await database.schema("detection_legal_bases").delete()
    }
}
