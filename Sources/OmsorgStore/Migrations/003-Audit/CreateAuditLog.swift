import FluentKit

/// The audit log: one row per read or write of personal data, each carrying the hash of the one
/// before it, so that a changed or deleted entry breaks the chain (`omsorg audit verify`).
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .field("sequence", .int, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_role", .string, .required)
            .field("municipality_id", .uuid, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("purpose", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_log").delete()
    }
}
