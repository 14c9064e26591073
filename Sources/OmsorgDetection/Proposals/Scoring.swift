import OmsorgDomain

/// One scoring of a municipality's children by a stored model version as of a day: the indicator
/// table it scored, each child's score, and each row's child and household pseudonyms.
public struct Scoring: Sendable {
    public let version: Int
    public let model: FitSummary
    public let asOf: LocalDate
    public let table: IndicatorTable
    public let scores: [Double]
    public let children: [String]
    public let households: [String?]

    public init(version: Int, model: FitSummary, asOf: LocalDate, table: IndicatorTable, children: [String], households: [String?]) {
        self.version = version
        self.model = model
        self.asOf = asOf
        self.table = table
        self.scores = ModelScorer(model).scores(table)
        self.children = children
        self.households = households
    }
}
