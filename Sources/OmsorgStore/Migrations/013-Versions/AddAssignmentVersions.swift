import FluentKit
import FluentSQL

/// A case's assignment carries a version, counted up by every assignment, so that a team leader
/// who assigns from what they saw a while ago is told it has changed instead of undoing someone
/// else's assignment.
struct AddAssignmentVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases").field("assignment_version", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cases").deleteField("assignment_version").update()
    }
}
