/// Why a step was refused.
public struct CaseFlowError: Error, Equatable, Sendable {
    public enum Kind: Sendable {
        /// The step is not allowed in the case's present state (HTTP 409).
        case conflict
        /// The step's own data is wrong (HTTP 422).
        case invalid
    }

    public let kind: Kind
    public let message: String
    /// The offending field of the step, when there is one.
    public let field: String?

    public static func conflict(_ message: String) -> CaseFlowError {
        CaseFlowError(kind: .conflict, message: message, field: nil)
    }

    public static func invalid(_ field: String, _ message: String) -> CaseFlowError {
        CaseFlowError(kind: .invalid, message: message, field: field)
    }
}
