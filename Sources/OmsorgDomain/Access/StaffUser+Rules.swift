import Foundation

/// What an administrator may set up a member of staff as (DESIGN.md "Who uses it"): a username that
/// is typed at every sign-in, a name colleagues recognise, a team for those who work cases, and a
/// password long enough to resist guessing and short enough for bcrypt to read in full.
extension StaffUser {
    public static let usernameLength = 3...64
    public static let longestDisplayName = 200
    public static let longestTeam = 100
    /// Bytes in UTF-8: bcrypt reads no more than 72, and a longer password would be cut short silently.
    public static let passwordBytes = 12...72

    /// The user with name and team tidied (trimmed; an empty team is none), or the first field that is wrong.
    public func checked() throws(CaseFlowError) -> StaffUser {
        var user = self
        user.displayName = displayName.trimmingCharacters(in: .whitespaces)
        user.team = team?.trimmingCharacters(in: .whitespaces)
        if user.team?.isEmpty == true { user.team = nil }
        guard Self.usernameLength.contains(username.count), username.unicodeScalars.allSatisfy(Self.isUsernameCharacter),
              username.first?.isLetter == true || username.first?.isNumber == true
        else { throw .invalid("username", .usernameForm) }
        try Self.check(user.displayName, field: "displayName", longest: Self.longestDisplayName)
        if let team = user.team { try Self.check(team, field: "team", longest: Self.longestTeam) }
        if role.worksCases && user.team == nil { throw .invalid("team", .teamRequired) }
        return user
    }

    public static func checkPassword(_ password: String) throws(CaseFlowError) {
        guard passwordBytes.contains(password.utf8.count) else { throw .invalid("password", .passwordLength) }
        if let character = PlainText.forbiddenCharacter(in: password) { throw .invalid("password", .controlCharacter(character)) }
    }

    /// An administrator changing their own account keeps it active and keeps the administrator's
    /// role: a municipality must not lock itself out of its own user administration by one click.
    public func checkChange(to changed: StaffUser, active: Bool, by actor: StaffUser.ID) throws(CaseFlowError) {
        guard id == actor else { return }
        if !active { throw .invalid("active", .ownAccount) }
        if changed.role != role { throw .invalid("role", .ownAccount) }
    }

    private static func check(_ text: String, field: String, longest: Int) throws(CaseFlowError) {
        if text.isEmpty { throw .invalid(field, .empty) }
        if text.count > longest { throw .invalid(field, .tooLong(longest)) }
        if let character = PlainText.forbiddenCharacter(in: text) { throw .invalid(field, .controlCharacter(character)) }
    }

    private static func isUsernameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || [".", "-", "_"].contains(scalar)
    }
}
