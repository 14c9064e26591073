import FluentKit
import FluentSQL

/// A family member carries a version, counted up by every change, so that a change made from an
/// old view of the family is refused instead of undoing another's.
struct AddFamilyMemberVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("family_members").field("version", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("family_members").deleteField("version").update()
    }
}
