import OmsorgDomain

/// A member of staff as user administration sees them: the user, whether they may still sign in,
/// and the version a change names (`If-Match`).
public struct StaffAccount: Sendable, Equatable {
    public let user: StaffUser
    public let isActive: Bool
    public let version: Int

    /// What an administrator changes about a user: everything but the username, which the audit
    /// log and the user's colleagues know them by.
    public struct Change: Sendable, Equatable {
        public let displayName: String
        public let role: Role
        public let team: String?
        public let isActive: Bool

        public init(displayName: String, role: Role, team: String?, isActive: Bool) {
            self.displayName = displayName
            self.role = role
            self.team = team
            self.isActive = isActive
        }
    }
}

extension StaffAccount {
    init(_ row: UserRow) {
        self.init(user: StaffUser(row), isActive: row.active, version: row.version)
    }
}
