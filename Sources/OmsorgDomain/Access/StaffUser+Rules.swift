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

    /// The user with username, name and team tidied (trimmed; an empty team is none), or the first
    /// field that is wrong.
    public func checked() throws(CaseFlowError) -> StaffUser {
        if let first = problems().first { throw first }
        return tidied
    }

    /// Everything wrong with the user, a field at a time, in the order a form shows the fields.
    public func problems() -> [CaseFlowError] {
        let user = tidied
        var problems: [CaseFlowError] = []
        if !Self.usernameLength.contains(user.username.count) || !user.username.unicodeScalars.allSatisfy(Self.isUsernameCharacter)
            || !(user.username.first?.isLetter == true || user.username.first?.isNumber == true) {
            problems.append(.invalid("username", .usernameForm))
        }
        if let problem = Self.problem(of: user.displayName, longest: Self.longestDisplayName) { problems.append(.invalid("displayName", problem)) }
        if let team = user.team, let problem = Self.problem(of: team, longest: Self.longestTeam) { problems.append(.invalid("team", problem)) }
        if role.worksCases && user.team == nil { problems.append(.invalid("team", .teamRequired)) }
        return problems
    }

    private var tidied: StaffUser {
        var user = self
        user.username = username.trimmingCharacters(in: .whitespacesAndNewlines)
        user.displayName = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        user.team = team?.trimmingCharacters(in: .whitespacesAndNewlines)
        if user.team?.isEmpty == true { user.team = nil }
        return user
    }

    public static func checkPassword(_ password: String, field: String = "password") throws(CaseFlowError) {
        guard passwordBytes.contains(password.utf8.count) else { throw .invalid(field, .passwordLength) }
        if let character = PlainText.forbiddenCharacter(in: password) { throw .invalid(field, .controlCharacter(character)) }
    }

    /// A password the user chooses in place of `current`: a password as any other, and another one.
    public static func checkOwnPassword(_ password: String, replacing current: String) throws(CaseFlowError) {
        try checkPassword(password, field: "newPassword")
        if password == current { throw .invalid("newPassword", .samePassword) }
    }

    /// An administrator changing their own account keeps it active and keeps the administrator's
    /// role: a municipality must not lock itself out of its own user administration by one click.
    public func checkChange(to changed: StaffUser, active: Bool, by actor: StaffUser.ID) throws(CaseFlowError) {
        guard id == actor else { return }
        if !active { throw .invalid("active", .ownAccount) }
        if changed.role != role { throw .invalid("role", .ownAccount) }
    }

    /// Whether changing this user, `wasActive`, to `changed`, `active`, takes an active
    /// administrator away; such a change is allowed only while another remains.
    public func removesAnAdministrator(to changed: StaffUser, wasActive: Bool, active: Bool) -> Bool {
        role == .administrator && wasActive && (changed.role != .administrator || !active)
    }

    private static func problem(of text: String, longest: Int) -> DataProblem? {
        if text.isEmpty { return .empty }
        if text.count > longest { return .tooLong(longest) }
        // One line: a tab or line break in a team's name would make it another team.
        return text.unicodeScalars.first { $0.properties.generalCategory == .control }.map(DataProblem.controlCharacter)
    }

    private static func isUsernameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || [".", "-", "_"].contains(scalar)
    }
}
