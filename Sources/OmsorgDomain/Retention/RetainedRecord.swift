/// The kinds of record that are deleted once a municipality no longer needs them, and for how
/// long each is kept by default. A municipality sets its own periods within the bounds.
public enum RetainedRecord: String, CaseIterable, Sendable, Codable {
    /// A case, its steps, deadlines and, once it has no other case, the child and the family:
    /// counted from the day the case was closed.
    case closedCases = "closed-cases"
    /// The audit log's entries, counted from the access they record.
    case auditEntries = "audit-entries"
    /// Sign-in sessions and API tokens, counted from the moment they ended (expired or idle).
    case sessions
    /// Early-detection proposals dismissed, declined or left unanswered, counted from the day they
    /// closed: while kept, they stop the family being proposed again.
    case closedProposals = "closed-proposals"

    /// Five years after closure, as municipalities keep their case records; the audit log as long,
    /// so that a child who asks who has looked at the case gets an answer for as long as it is kept.
    public var defaultDays: Int {
        switch self {
        case .closedCases, .auditEntries: 1_826
        case .sessions: 0
        case .closedProposals: 365
        }
    }

    /// Access logs must be kept at least six months; a closed case at least a year, as a new report
    /// often follows within one; nothing beyond a child's lifetime.
    public var allowedDays: ClosedRange<Int> {
        switch self {
        case .closedCases: 365...36_500
        case .auditEntries: 183...36_500
        case .sessions: 0...365
        case .closedProposals: 30...1_826
        }
    }
}
