/// Something about a fit that leaves its numbers usable but calls for care.
public enum ModelWarning: Equatable, Sendable, CustomStringConvertible {
    /// Fewer than 10 observations of the rarer outcome per covariate column.
    case fewEvents(events: Double, outcome: Int, columns: Int)
    case notConverged(iterations: Int)
    /// Fitted probabilities numerically 0 or 1 for this many observations, without separation (or
    /// with a penalty, which keeps the estimates finite).
    case extremeProbabilities(observations: Double)

    public var description: String {
        switch self {
        case .fewEvents(let events, let outcome, let columns):
            "Only \(PlainNumber.text(events)) observations have outcome \(outcome) for \(columns) column(s), fewer than 10 per column: estimates may be biased away from 0 and intervals too narrow."
        case .notConverged(let iterations):
            "The fit did not converge in \(iterations) iterations; the estimates are the last iteration's."
        case .extremeProbabilities(let observations):
            "Fitted probabilities are numerically 0 or 1 for \(PlainNumber.text(observations)) observation(s)."
        }
    }
}
