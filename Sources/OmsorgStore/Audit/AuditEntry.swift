import Foundation
import OmsorgDomain

/// One read or write of personal data: who, in which role and municipality, why, what they did,
/// to which record, and when (to the second).
public struct AuditEntry: Sendable, Equatable {
    /// What was done with the data, as the log names it.
    public enum Action: Sendable, Equatable {
        case receiveReport, readCase, addFamilyMember, changeFamilyMember, findChild, listCases, assignCase, readWorktray, search, readAccessLog
        case resolvePseudonym
        /// User administration: staff data, which the log keeps for who gave whom which rights.
        case createUser, changeUser, deactivateUser, reactivateUser, resetPassword
        /// A user replacing the password an administrator set with their own.
        case chooseOwnPassword
        /// Records past their retention period deleted (`omsorg retention run`).
        case deleteByRetention
        /// The audit log's entries past their retention period deleted, up to a sequence.
        case pruneAuditLog
        /// Early detection: a legal basis recorded; a model version trained on the municipality's pseudonymised data;
        /// its children scored and families proposed.
        case recordLegalBasis, trainModel, scoreModel
        /// The consent workflow: the worklist and a proposal read, and each step taken on a proposal.
        case listProposals, readProposal
        case proposal(ProposalAction)
        /// A step of the flow recorded on the case.
        case record(CaseStep.Kind)

        public static let all: [Action] = [.receiveReport, .readCase, .addFamilyMember, .changeFamilyMember, .findChild, .listCases, .assignCase, .readWorktray,
                                           .search, .readAccessLog, .resolvePseudonym,
                                           .createUser, .changeUser, .deactivateUser, .reactivateUser, .resetPassword, .chooseOwnPassword,
                                           .deleteByRetention, .pruneAuditLog, .recordLegalBasis, .trainModel, .scoreModel,
                                           .listProposals, .readProposal] + ProposalAction.allCases.map(Action.proposal) + CaseStep.Kind.allCases.map(Action.record)

        public var name: String {
            switch self {
            case .receiveReport: "receive-report"
            case .readCase: "read-case"
            case .addFamilyMember: "add-family-member"
            case .changeFamilyMember: "change-family-member"
            case .findChild: "find-child"
            case .listCases: "list-cases"
            case .assignCase: "assign-case"
            case .readWorktray: "read-worktray"
            case .search: "search"
            case .readAccessLog: "read-access-log"
            case .resolvePseudonym: "resolve-pseudonym"
            case .createUser: "create-user"
            case .changeUser: "change-user"
            case .deactivateUser: "deactivate-user"
            case .reactivateUser: "reactivate-user"
            case .resetPassword: "reset-password"
            case .chooseOwnPassword: "choose-own-password"
            case .deleteByRetention: "retention-delete"
            case .pruneAuditLog: "retention-prune-audit"
            case .recordLegalBasis: "record-legal-basis"
            case .trainModel: "train-model"
            case .scoreModel: "score-model"
            case .listProposals: "list-proposals"
            case .readProposal: "read-proposal"
            case .proposal(let action): "proposal-\(action.rawValue)"
            case .record(let kind): "record-\(kind.rawValue)"
            }
        }
    }

    public let at: Date
    public let actor: StaffUser.ID
    public let role: Role
    public let municipality: Municipality.ID
    public let action: String
    /// The record reached, e.g. `case:…`, `worktray page 2` or `pseudonym:…`.
    public let subject: String
    /// The children whose data was shown or changed: one for a case, every row's child for a work
    /// tray or a search. Each child's access log lists the entry.
    public let children: [Child.ID]
    public let purpose: String

    public init(at: Date, actor: StaffUser.ID, role: Role, municipality: Municipality.ID, action: String, subject: String,
                children: [Child.ID], purpose: String) {
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.actor = actor
        self.role = role
        self.municipality = municipality
        self.action = action
        self.subject = subject
        // A work tray shows a child once a deadline; the entry names each child once.
        var seen = Set<Child.ID>()
        self.children = children.filter { seen.insert($0).inserted }
        self.purpose = purpose
    }

    /// The one who acts when no member of staff does: the retention run or the model training an operator starts.
    public static let system = StaffUser.ID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))

    /// An entry of the retention run, in `municipality`'s chain.
    static func retention(_ action: Action, in municipality: Municipality.ID, subject: String, children: [Child.ID], at now: Date) -> AuditEntry {
        AuditEntry(at: now, actor: system, role: .administrator, municipality: municipality, action: action.name, subject: subject,
                   children: children, purpose: Access.Purpose.retention.rawValue)
    }

    /// An entry for `access`, at `now`.
    public init(_ access: Access, _ action: Action, subject: String, children: [Child.ID], at now: Date) {
        self.init(at: now, actor: access.actor, role: access.role, municipality: access.municipalityID, action: action.name,
                  subject: subject, children: children, purpose: access.purpose.rawValue)
    }
}
