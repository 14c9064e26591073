import FluentKit
import FluentSQL

/// An attempt is recorded before its password is checked, as pending, so that parallel attempts
/// count each other and cannot all pass the limit; a wrong password turns it into a failure.
/// Rows written before this migration are failures.
struct UpdateSignInFailuresAddPending: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_failures")
            .field("pending", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_failures").deleteField("pending").update()
    }
}
