import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

/// Six children in four households and one without, on three indicators of known weight.
@Suite("Proposals")
struct ProposalSelectorTests {
    static let definitions = ["dental_missed", "parent_benefits", "reports_of_concern"].map { id in IndicatorDefinition.catalogue.first { $0.id == id }! }
    /// logit = −3 + 1 × dental + 0.5 × benefits + 2 × reports.
    static let model = try! JSONDecoder().decode(FitSummary.self, from: Data("""
        {"coefficients": [{"name": "intercept", "estimate": -3, "standardError": 0.1}, {"name": "dental_missed_v1", "estimate": 1, "standardError": 0.1},
         {"name": "parent_benefits_v1", "estimate": 0.5, "standardError": 0.1}, {"name": "reports_of_concern_v1", "estimate": 2, "standardError": 0.1}],
         "logLikelihood": -1, "iterations": 4, "converged": true, "observations": 6, "events": 2, "warnings": []}
        """.utf8))
    static let table = IndicatorTable(asOf: LocalDate(year: 2024, month: 5, day: 1)!, definitions: definitions, children: Array(0..<6),
                                      values: [[1, 0, 1, 0, 1, 1], [0, 1, 1, 0, 1, 0], [0, 0, 1, 1, 0, 1]], outcome: nil)
    static let children = ["c0", "c1", "c2", "c3", "c4", "c5"]
    static let households: [String?] = ["H1", "H1", "H2", "H3", nil, "H4"]

    private func select(_ policy: ProposalPolicy = ProposalPolicy(), excluded: Set<String> = [], remaining: Int = 20) -> (eligible: Int, proposals: [HouseholdProposal]) {
        ProposalSelector(model: Self.model, policy: policy).select(Self.table, scores: ModelScorer(Self.model).scores(Self.table), children: Self.children,
                                                                  households: Self.households, excluded: excluded, remaining: remaining)
    }

    private func logistic(_ logit: Double) -> Double { 1 / (1 + exp(-logit)) }

    /// H3 has one indicator, and the child without a household cannot be proposed; H1's two
    /// indicators are on two different children, which still makes two in the family.
    @Test func aFamilyNeedsTwoIndicatorsAndTheHighestScoresComeFirst() {
        let (eligible, proposals) = select()
        #expect(eligible == 3)
        #expect(proposals.map(\.household) == ["H2", "H4", "H1"])
        #expect(abs(proposals[0].score - logistic(0.5)) < 1e-12)
        let h1 = proposals[2]
        #expect(h1.children.map(\.id) == ["c0", "c1"])
        #expect(abs(h1.score - logistic(-2)) < 1e-12)
        #expect(h1.indicators.map(\.column) == ["dental_missed_v1", "parent_benefits_v1"])
        #expect(h1.indicators.map(\.children) == [1, 1])
        #expect(abs(h1.indicators[0].oddsRatio - exp(1)) < 1e-12)
    }

    @Test func capacityThresholdAndEarlierProposalsLimitWhoIsProposed() {
        #expect(select(remaining: 2).proposals.map(\.household) == ["H2", "H4"])
        #expect(select(remaining: 0).proposals.isEmpty)
        #expect(select(excluded: ["H2"]).proposals.map(\.household) == ["H4", "H1"])
        #expect(select(ProposalPolicy(threshold: logistic(-1))).proposals.map(\.household) == ["H2", "H4"])
    }

    @Test func aPolicyOutsideItsBoundsIsRefusedByOption() throws {
        #expect(throws: ProposalPolicy.PolicyError.capacity) { try ProposalPolicy(monthlyCapacity: -1).checked() }
        #expect(throws: ProposalPolicy.PolicyError.threshold) { try ProposalPolicy(threshold: 1).checked() }
        #expect(throws: ProposalPolicy.PolicyError.threshold) { try ProposalPolicy(threshold: .nan).checked() }
        #expect(try ProposalPolicy(monthlyCapacity: 5, threshold: 0.3).checked() == ProposalPolicy(monthlyCapacity: 5, threshold: 0.3))
    }
}
