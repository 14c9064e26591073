/// What `omsorg model evaluate` reports on scores and the outcomes that followed: the scores'
/// evaluation, error rates by group, and for a synthetic municipality how close the model comes
/// to the truth. Encoded as `--json` prints it.
public struct EvaluationReport: Sendable, Equatable, Encodable {
    /// One true coefficient against the fit's 95 % interval.
    public struct Coverage: Sendable, Equatable, Encodable {
        public let term: String
        public let truth: Double
        public let estimate: Double
        public let lower: Double
        public let upper: Double
        public var covered: Bool { lower <= truth && truth <= upper }

        enum CodingKeys: String, CodingKey { case term, truth, estimate, lower, upper, covered }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(term, forKey: .term)
            try container.encode(truth, forKey: .truth)
            try container.encode(estimate, forKey: .estimate)
            try container.encode(lower, forKey: .lower)
            try container.encode(upper, forKey: .upper)
            try container.encode(covered, forKey: .covered)
        }
    }

    /// What was evaluated, in words: a version and period, or a file.
    public let subject: String
    public let evaluation: ScoreEvaluation
    public let flaggedShare: Double
    public let groupErrors: [GroupErrorRates]
    /// The true probabilities' evaluation, on a synthetic municipality.
    public let oracle: ScoreEvaluation?
    /// The fit's intervals against the true coefficients, on a synthetic municipality.
    public let coverage: [Coverage]?
    /// The caseworkers' judgement of the version's proposals, for a stored version.
    public var feedback: RelevanceFeedback?

    public init(subject: String, scores: [Double], outcomes: [UInt8], flaggedShare: Double = 0.05, groupings: [(name: String, groups: [String])],
                oracle: [Double]? = nil, coverage: [Coverage]? = nil) {
        self.subject = subject
        evaluation = ScoreEvaluation(scores: scores, outcomes: outcomes)
        self.flaggedShare = flaggedShare
        let flagged = GroupErrorRates.topShare(flaggedShare, of: scores)
        groupErrors = groupings.map { GroupErrorRates(grouping: $0.name, groupOf: $0.groups, flagged: flagged, outcomes: outcomes) }
        self.oracle = oracle.map { ScoreEvaluation(scores: $0, outcomes: outcomes) }
        self.coverage = coverage
    }

    public var document: ModelDocument {
        var sections = [
            ModelDocument.Section("Discrimination and calibration", EvaluationSections.discrimination(evaluation, oracle: oracle)
                                  + EvaluationSections.calibration(evaluation)),
            ModelDocument.Section("The highest scores", EvaluationSections.topShares(evaluation)),
        ]
        if !groupErrors.isEmpty { sections.append(ModelDocument.Section("Error rates by group", EvaluationSections.groupErrors(groupErrors, flaggedShare: flaggedShare))) }
        if let coverage {
            sections.append(ModelDocument.Section("Coverage of the true coefficients", [
                .paragraph("\(coverage.filter(\.covered).count) of \(coverage.count) 95 % intervals of the screening fit (every indicator that varies, fitted together) hold the true coefficient."),
                .table(header: ["Term", "True", "Estimate", "95 % interval", "Holds the truth"], rows: coverage.map { term in
                    [term.term, PlainNumber.fixed(term.truth), PlainNumber.fixed(term.estimate),
                     "\(PlainNumber.fixed(term.lower)) to \(PlainNumber.fixed(term.upper))", term.covered ? "yes" : "no"]
                }),
            ]))
        }
        if let feedback { sections.append(feedback.section) }
        return ModelDocument(title: "Evaluation: \(subject)", sections: sections)
    }
}
