import FluentKit
import SQLKit

/// The work tray finds a caseworker's cases by `caseworker_id`; without an index a caseworker's
/// tray reads every case of the municipality.
struct CreateCasesCaseworkerIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(index: "cases_caseworker").on("cases").column("caseworker_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "cases_caseworker").run()
    }
}
