import FluentKit
import FluentSQL

/// Each stored step names the format of its payload (`StoredStep`). Every step written so far is
/// format 1, which is what the default says.
struct AddStepFormats: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_steps").field("format", .int, .required, .sql(.default(1))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_steps").deleteField("format").update()
    }
}
