/// What caseworkers said of a version's proposals: whether each was relevant (yes, no, unclear),
/// and how many they have not judged. It measures the proposals, not the children: a family the
/// model did not propose has no feedback.
public struct RelevanceFeedback: Sendable, Equatable, Encodable {
    public let proposals: Int
    public let yes: Int
    public let no: Int
    public let unclear: Int
    /// The share of judged proposals found relevant, and its Wilson 95 % interval; nil until one is judged.
    public let relevanceRate: Double?
    public let relevanceInterval: Interval?

    public init(proposals: Int, yes: Int, no: Int, unclear: Int) {
        self.proposals = proposals
        self.yes = yes
        self.no = no
        self.unclear = unclear
        let judged = yes + no + unclear
        relevanceRate = judged > 0 ? Double(yes) / Double(judged) : nil
        relevanceInterval = Interval.wilson(yes, of: judged)
    }

    public var judged: Int { yes + no + unclear }
}
