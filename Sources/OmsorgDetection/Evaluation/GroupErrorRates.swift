import Foundation

/// False-positive and false-negative rates of flagging the highest scores, group by group, so that a
/// model that errs more for one kind of family (one custody holder, say) is seen before it harms.
public struct GroupErrorRates: Sendable, Equatable, Codable {
    public struct Group: Sendable, Equatable, Codable {
        public let name: String
        public let count: Int
        public let events: Int
        public let flagged: Int
        /// Flagged without the outcome.
        public let falsePositives: Int
        /// Flagged among those without the outcome; nil when the group has none without it.
        public let falsePositiveRate: Double?
        /// Not flagged among those with the outcome; nil when the group has no outcome.
        public let falseNegativeRate: Double?
    }

    /// E.g. "age band".
    public let grouping: String
    public let groups: [Group]
    /// The largest rate over the smallest, among the groups that have the rate; nil with fewer than two
    /// such groups or when the smallest is 0 (the ratio is then unbounded, and the rates say more).
    public let largestFalsePositiveRatio: Double?
    public let largestFalseNegativeRatio: Double?

    public init(grouping: String, groupOf: [String], flagged: [Bool], outcomes: [UInt8]) {
        self.grouping = grouping
        var tally: [String: (count: Int, events: Int, flagged: Int, falsePositives: Int, falseNegatives: Int)] = [:]
        for row in outcomes.indices {
            var group = tally[groupOf[row], default: (0, 0, 0, 0, 0)]
            group.count += 1
            group.events += Int(outcomes[row])
            if flagged[row] { group.flagged += 1 }
            if flagged[row] && outcomes[row] == 0 { group.falsePositives += 1 }
            if !flagged[row] && outcomes[row] == 1 { group.falseNegatives += 1 }
            tally[groupOf[row]] = group
        }
        // "0-5" before "6-11" before "12-17".
        groups = tally.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map { name in
            let group = tally[name]!, negatives = group.count - group.events
            return Group(name: name, count: group.count, events: group.events, flagged: group.flagged, falsePositives: group.falsePositives,
                         falsePositiveRate: negatives > 0 ? Double(group.falsePositives) / Double(negatives) : nil,
                         falseNegativeRate: group.events > 0 ? Double(group.falseNegatives) / Double(group.events) : nil)
        }
        largestFalsePositiveRatio = Self.ratio(groups.compactMap(\.falsePositiveRate))
        largestFalseNegativeRatio = Self.ratio(groups.compactMap(\.falseNegativeRate))
    }

    private static func ratio(_ rates: [Double]) -> Double? {
        guard rates.count > 1, let largest = rates.max(), let smallest = rates.min(), smallest > 0 else { return nil }
        return largest / smallest
    }

    /// Flags the `share` of rows with the highest scores (ties at the cut flagged together).
    public static func topShare(_ share: Double, of scores: [Double]) -> [Bool] {
        guard !scores.isEmpty else { return [] }
        let cutIndex = max(0, min(scores.count - 1, Int((Double(scores.count) * share).rounded(.up)) - 1))
        let cut = scores.sorted(by: >)[cutIndex]
        return scores.map { $0 >= cut }
    }
}
