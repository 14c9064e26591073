/// What a member of staff is for, and so what they may see (DESIGN.md "Who uses it").
public enum Role: String, Codable, Sendable, CaseIterable {
    case caseworker
    case teamLeader = "team-leader"
    case manager
    case analyst
    case administrator
    case notifier

    /// Only the people who work a case read or write its content; managers see aggregates,
    /// analysts pseudonymised data and administrators configuration.
    public var worksCases: Bool { self == .caseworker || self == .teamLeader }

    /// Who may see who has looked at a child's data: the people working the child's case, and
    /// administrators, who answer the citizen's and the supervisory authority's questions.
    public var reviewsAccess: Bool { worksCases || self == .administrator }

    /// Who may read the early-detection model and its card: every member of staff, as they hold no
    /// personal data and the model is to be open to those it affects; notifiers are not staff.
    public var readsModel: Bool { self != .notifier }
}

public struct Municipality: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Municipality>
    public let id: ID
    /// The municipality's official four-digit code (kommunekode), e.g. "0101" for Copenhagen.
    public var code: String
    public var name: String

    public init(id: ID = ID(), code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

public struct StaffUser: Codable, Sendable, Equatable {
    public typealias ID = Identifier<StaffUser>
    public let id: ID
    public var municipalityID: Municipality.ID
    public var username: String
    public var displayName: String
    public var role: Role
    /// The team whose cases the user works; cases are shared within a team.
    public var team: String?

    public init(id: ID = ID(), municipalityID: Municipality.ID, username: String, displayName: String, role: Role, team: String?) {
        self.id = id
        self.municipalityID = municipalityID
        self.username = username
        self.displayName = displayName
        self.role = role
        self.team = team
    }
}

extension StaffUser {
    /// Who works a case that this user's report opens: a caseworker takes their own, while a team
    /// leader's report waits unassigned in the team's tray.
    public var caseworkerForNewCases: StaffUser.ID? { role == .caseworker ? id : nil }
}

/// The records a user may reach: never another municipality's, and for casework only the own team's.
public struct AccessScope: Sendable, Equatable {
    public let municipalityID: Municipality.ID
    public let team: String?

    /// An empty team name is no team.
    public init(municipalityID: Municipality.ID, team: String?) {
        self.municipalityID = municipalityID
        self.team = team?.isEmpty == true ? nil : team
    }

    public init(_ user: StaffUser) {
        self.init(municipalityID: user.municipalityID, team: user.team)
    }
}
