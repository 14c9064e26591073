import FluentKit
import FluentSQL

/// Each municipality's retention periods (`retention_periods`; a kind without a row keeps its
/// default), and where each audit chain begins once retention has deleted its oldest entries: the
/// last deleted entry's sequence and hash, from which the remaining chain is verified.
struct CreateRetention: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("retention_periods")
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("kind", .string, .required)
            .field("days", .int, .required)
            .unique(on: "municipality_id", "kind")
            .create()
        // One column at a time: SQLite adds one per ALTER TABLE.
        try await database.schema("audit_heads").field("pruned_through", .int, .required, .sql(.default(0))).update()
        try await database.schema("audit_heads").field("pruned_hash", .string, .required, .sql(.default(AuditLog.genesis))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_heads").deleteField("pruned_hash").update()
        try await database.schema("audit_heads").deleteField("pruned_through").update()
        try await database.schema("retention_periods").delete()
    }
}
