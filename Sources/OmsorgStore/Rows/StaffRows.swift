import FluentKit
import Foundation

final class MunicipalityRow: Model, @unchecked Sendable {
    static let schema = "municipalities"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}
}

final class UserRow: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @OptionalField(key: "team") var team: String?
    @Field(key: "password_hash") var passwordHash: String
    /// A deactivated user signs in no more; the row stays, for the audit log names them.
    @Field(key: "active") var active: Bool
    /// Counted up by every change (`StoreError.changedSince`).
    @Field(key: "version") var version: Int
    /// An administrator knows this password: the user must choose their own before anything else.
    @Field(key: "password_set_by_administrator") var passwordSetByAdministrator: Bool

    init() {}
}

final class TokenRow: Model, @unchecked Sendable {
    static let schema = "user_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// Only a hash of the bearer token is kept, so a copy of the database logs nobody in.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
