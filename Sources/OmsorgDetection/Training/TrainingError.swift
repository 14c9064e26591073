import OmsorgDomain

/// Why a model cannot be trained on a municipality's data as of a date, in words an operator can act on.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data do not reach the end of the hold-out period's outcome window.
    case outcomeUnknown(needed: LocalDate)
    case noChildren(LocalDate)
    /// No candidate indicator varies in the training data.
    case noVariation
    case degenerate(DegenerateDataError)
    /// No indicator is significant at the level, so nothing could be proposed on evidence.
    case nothingSignificant(level: Double)

    public var description: String {
        switch self {
        case .outcomeUnknown(let needed):
            "The extracts do not reach \(needed), where the held-out period's outcome window ends; train as of an earlier date or load newer extracts."
        case .noChildren(let day):
            "No child under 18 is registered on \(day) in the loaded population extract."
        case .noVariation:
            "No indicator is present for some children and absent for others in the training period."
        case .degenerate(let error):
            "The training data cannot be fitted: \(error.description)"
        case .nothingSignificant(let level):
            "No indicator is significant at the level \(PlainNumber.text(level)); no model is stored, and nothing would be proposed."
        }
    }
}
