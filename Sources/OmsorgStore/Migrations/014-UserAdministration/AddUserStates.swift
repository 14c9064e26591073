import FluentKit
import FluentSQL

/// A user can be deactivated instead of deleted, so that the audit log's entries keep naming who
/// acted; and carries a version, counted up by every change, so that an administrator's change made
/// from an old view of the user is refused instead of undoing another's.
struct AddUserStates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("active", .bool, .required, .sql(.default(true)))
            .update()
        try await database.schema("users")
            .field("version", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("version").update()
        try await database.schema("users").deleteField("active").update()
    }
}
