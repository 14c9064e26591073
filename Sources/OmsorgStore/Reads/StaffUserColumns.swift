import Foundation
import OmsorgDomain
import SQLKit

/// The columns of a staff user in the hand-written reads that run on every request (the session
/// and token lookups), selected from `users` under the alias `u`.
enum StaffUserColumns {
    static let select: SQLQueryString =
        "u.id AS user_id, u.municipality_id AS user_municipality_id, u.username, u.display_name, u.role, u.team"

    static func decode(_ row: any SQLRow) throws -> StaffUser {
        StaffUser(id: .init(try row.decode(column: "user_id", as: UUID.self)),
                  municipalityID: .init(try row.decode(column: "user_municipality_id", as: UUID.self)),
                  username: try row.decode(column: "username", as: String.self),
                  displayName: try row.decode(column: "display_name", as: String.self),
                  role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .notifier,
                  team: try row.decode(column: "team", as: String?.self))
    }
}
