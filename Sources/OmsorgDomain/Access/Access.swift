/// Who reaches personal data, within which records, and why. Every read and write of personal data
/// in the store takes one, and the store records it in the audit log before the data is shown or
/// the write is done: there is no way to the data that leaves no trace.
public struct Access: Sendable, Equatable {
    /// Why the data is reached, as the audit log records it.
    public enum Purpose: String, Sendable, CaseIterable {
        /// Working a child's case: reading it, recording its steps, finding it.
        case casework
        /// A team leader sharing the team's cases out.
        case assignment
        /// Reviewing who has looked at a child's data.
        case accessReview = "access-review"
        /// Filling a demo database with synthetic cases.
        case demoData = "demo-data"
        /// Setting up staff accounts: an administrator's users, roles, teams and passwords, and a
        /// user choosing their own password.
        case administration
        /// Deleting what has been kept as long as the municipality's retention periods say.
        case retention
        /// Early detection: its legal basis, training the model on pseudonymised data, scoring.
        case earlyDetection = "early-detection"
    }

    public let actor: StaffUser.ID
    public let role: Role
    public let scope: AccessScope
    public let purpose: Purpose

    public init(_ user: StaffUser, purpose: Purpose) {
        actor = user.id
        role = user.role
        scope = AccessScope(user)
        self.purpose = purpose
    }

    public var municipalityID: Municipality.ID { scope.municipalityID }
}
