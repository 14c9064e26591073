/// What flagging the highest scores would have found: of the `share` of rows with the highest
/// scores (ties at the cut flagged together), how many had the outcome (precision) and how many of
/// all outcomes they hold (recall), each with Wilson's 95 % interval.
public struct TopShareRates: Sendable, Equatable, Codable {
    public let share: Double
    public let flagged: Int
    public let truePositives: Int
    public let precision: Double?
    public let precisionInterval: Interval?
    public let recall: Double?
    public let recallInterval: Interval?

    /// The shares a report gives: the top 1, 5 and 10 %.
    public static let reported = [0.01, 0.05, 0.10]

    init(share: Double, scores: [Double], outcomes: [UInt8]) {
        let flags = GroupErrorRates.topShare(share, of: scores)
        let events = outcomes.reduce(0) { $0 + Int($1) }
        self.share = share
        flagged = flags.filter { $0 }.count
        truePositives = zip(flags, outcomes).filter { $0 && $1 == 1 }.count
        precision = flagged > 0 ? Double(truePositives) / Double(flagged) : nil
        precisionInterval = Interval.wilson(truePositives, of: flagged)
        recall = events > 0 ? Double(truePositives) / Double(events) : nil
        recallInterval = Interval.wilson(truePositives, of: events)
    }
}
