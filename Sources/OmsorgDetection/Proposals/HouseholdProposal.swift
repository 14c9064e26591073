/// A family (household) proposed for an early preventive effort, with what the proposal rests on:
/// the model's indicators present in it and their weights, never a source record.
public struct HouseholdProposal: Sendable, Equatable, Codable {
    public struct Child: Sendable, Equatable, Codable {
        /// The child's pseudonym.
        public let id: String
        public let score: Double
    }

    public struct Indicator: Sendable, Equatable, Codable {
        /// The indicator's versioned column, e.g. `dental_missed_v1`.
        public let column: String
        public let oddsRatio: Double
        /// How many of the household's children have it.
        public let children: Int
    }

    /// The household's pseudonym.
    public let household: String
    /// The highest of its children's scores.
    public let score: Double
    public let children: [Child]
    public let indicators: [Indicator]
}
