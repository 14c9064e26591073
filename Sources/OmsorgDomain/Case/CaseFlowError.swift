/// Why a step or a record (a member of staff, say) was refused: the case is not ready for it (a blocker, HTTP 409), or its own data is
/// wrong (a data problem in one field, HTTP 422).
public struct CaseFlowError: Error, Equatable, Sendable {
    public enum Kind: Sendable {
        case conflict
        case invalid
    }

    public let kind: Kind
    public let blocker: StepBlocker?
    public let problem: DataProblem?
    /// The offending field of the step, for a data problem.
    public let field: String?

    public var message: String { blocker?.message ?? problem?.message(field: field ?? "") ?? "" }

    public static func blocked(_ blocker: StepBlocker) -> CaseFlowError {
        CaseFlowError(kind: .conflict, blocker: blocker, problem: nil, field: nil)
    }

    public static func invalid(_ field: String, _ problem: DataProblem) -> CaseFlowError {
        CaseFlowError(kind: .invalid, blocker: nil, problem: problem, field: field)
    }

    /// Refuses typed text that is empty, longer than `longest` or holds a control character, naming `field`.
    static func check(_ text: String, _ field: String, longest: Int) throws(CaseFlowError) {
        if text.isEmpty { throw .invalid(field, .empty) }
        if text.count > longest { throw .invalid(field, .tooLong(longest)) }
        if let character = PlainText.forbiddenCharacter(in: text) { throw .invalid(field, .controlCharacter(character)) }
    }
}
