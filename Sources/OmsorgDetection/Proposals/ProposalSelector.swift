/// Chooses the families to propose from one scoring: those with two or more of the model's
/// indicators present among their children, ranked by their highest child's score.
public struct ProposalSelector: Sendable {
    public let model: FitSummary
    public let policy: ProposalPolicy

    public init(model: FitSummary, policy: ProposalPolicy) {
        self.model = model
        self.policy = policy
    }

    /// The eligible households (two or more indicators) and, of them, the ones proposed: not
    /// `excluded` (proposed lately), at or above the threshold, the best `remaining` of them.
    /// `children` and `households` give each table row's pseudonyms; a child without a household
    /// in the population extract is not proposed.
    public func select(_ table: IndicatorTable, scores: [Double], children: [String], households: [String?],
                       excluded: Set<String>, remaining: Int) -> (eligible: Int, proposals: [HouseholdProposal]) {
        let columns = model.covariates.map { coefficient in
            (index: table.definitions.firstIndex { $0.column == coefficient.name }!, coefficient: coefficient)
        }
        var rows: [String: [Int]] = [:]
        for row in table.children.indices { if let household = households[row] { rows[household, default: []].append(row) } }
        let eligible = rows.compactMap { household, members -> HouseholdProposal? in
            let present = columns.compactMap { column -> HouseholdProposal.Indicator? in
                let count = members.filter { table.values[column.index][$0] == 1 }.count
                return count > 0 ? .init(column: column.coefficient.name, oddsRatio: column.coefficient.oddsRatio, children: count) : nil
            }
            guard present.count >= ProposalPolicy.minimumIndicators else { return nil }
            let scored = members.map { HouseholdProposal.Child(id: children[$0], score: scores[$0]) }.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
            return HouseholdProposal(household: household, score: scored[0].score, children: scored,
                                     indicators: present.sorted { ($0.oddsRatio, $1.column) > ($1.oddsRatio, $0.column) })
        }
        let ranked = eligible.sorted { ($0.score, $1.household) > ($1.score, $0.household) }
        let proposed = ranked.filter { proposal in
            !excluded.contains(proposal.household) && proposal.score >= policy.threshold ?? 0
        }
        return (eligible.count, Array(proposed.prefix(max(0, remaining))))
    }
}
