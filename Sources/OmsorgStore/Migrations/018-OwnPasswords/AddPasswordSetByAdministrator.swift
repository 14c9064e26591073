import FluentKit
import FluentSQL

/// Whether the user's password was set by an administrator, who then knows it: such a user
/// chooses their own before they may do anything else, so that no administrator can act as them
/// unnoticed. Users already there keep theirs.
struct AddPasswordSetByAdministrator: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("password_set_by_administrator", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("password_set_by_administrator").update()
    }
}
