import FluentKit
import Foundation

final class WebSessionRow: Model, @unchecked Sendable {
    static let schema = "web_sessions"
    @ID(key: .id) var id: UUID?
    /// Only a hash of the cookie's token is kept, so a copy of the database signs nobody in.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "language") var language: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

final class SignInFailureRow: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failed_at") var failedAt: Date
    /// Its password is still being checked.
    @Field(key: "pending") var pending: Bool

    init() {}
}
