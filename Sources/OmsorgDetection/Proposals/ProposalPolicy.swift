/// How many families a municipality's caseworkers can take up, and how sure the model must be: a
/// family is proposed only with two or more of the model's indicators present in it, only while the
/// month's capacity lasts (the highest scores first), and, when the municipality sets one, only
/// with a score at or above its threshold.
public struct ProposalPolicy: Sendable, Equatable {
    public static let minimumIndicators = 2
    public static let defaultMonthlyCapacity = 20
    /// A family proposed is not proposed again within this many months, whatever came of it.
    public static let quietMonths = 12

    public var monthlyCapacity: Int
    public var threshold: Double?

    public init(monthlyCapacity: Int = Self.defaultMonthlyCapacity, threshold: Double? = nil) {
        self.monthlyCapacity = monthlyCapacity
        self.threshold = threshold
    }

    public static let capacityRange = 0...1_000

    /// The policy as given, or what is wrong with it, in the words of the command's options.
    public func checked() throws(PolicyError) -> ProposalPolicy {
        guard Self.capacityRange.contains(monthlyCapacity) else { throw .capacity }
        if let threshold, !(threshold > 0 && threshold < 1) { throw .threshold }
        return self
    }

    public enum PolicyError: Error, Equatable, Sendable, CustomStringConvertible {
        case capacity, threshold

        public var description: String {
            switch self {
            case .capacity: "--capacity is a whole number of families a month, \(capacityRange.lowerBound) to \(capacityRange.upperBound)."
            case .threshold: "--threshold is a probability between 0 and 1, e.g. 0.3, or none."
            }
        }
    }
}
