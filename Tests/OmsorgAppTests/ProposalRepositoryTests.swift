import Foundation
@testable import OmsorgDetection
import OmsorgDomain
@testable import OmsorgStore
import SQLKit
import Testing

@Suite("Proposal store")
struct ProposalRepositoryTests {
    /// Five children in four households: H2 and H4 score highest, H1 next, H3 has one indicator only.
    static func scoring(asOf: LocalDate, version: Int = 1) -> Scoring {
        let model = try! JSONDecoder().decode(FitSummary.self, from: Data("""
            {"coefficients": [{"name": "intercept", "estimate": -3, "standardError": 0.1}, {"name": "dental_missed_v1", "estimate": 1, "standardError": 0.1},
             {"name": "reports_of_concern_v1", "estimate": 2, "standardError": 0.1}],
             "logLikelihood": -1, "iterations": 4, "converged": true, "observations": 5, "events": 2, "warnings": []}
            """.utf8))
        let definitions = ["dental_missed", "reports_of_concern"].map { id in IndicatorDefinition.catalogue.first { $0.id == id }! }
        let table = IndicatorTable(asOf: asOf, definitions: definitions, children: Array(0..<5), values: [[1, 0, 1, 0, 1], [0, 1, 1, 1, 1]], outcome: nil)
        return Scoring(version: version, model: model, asOf: asOf, table: table, children: ["c0", "c1", "c2", "c3", "c4"],
                       households: ["H1", "H1", "H2", "H3", "H4"])
    }

    static let may10 = LocalDate(year: 2024, month: 5, day: 10)!

    @Test(arguments: TestDatabase.available)
    func eachFamilyIsProposedOnceWithinTheMonthsCapacityAndEveryRunIsAudited(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = ProposalRepository(test.app.db)
            let two = ProposalPolicy(monthlyCapacity: 2)
            let first = try await repository.propose(Self.scoring(asOf: Self.may10), policy: two, municipality: test.sydby.id, now: testNow)
            #expect(first.proposals.map(\.household) == ["H2", "H4"])
            #expect((first.children, first.eligible, first.usedBefore) == (5, 3, 0))
            #expect(try await repository.scoredAt(version: 1, asOf: Self.may10, municipality: test.sydby.id) != nil)

            await #expect(throws: StoreError.duplicate("Version 1 has already scored as of 2024-05-10.")) {
                try await repository.propose(Self.scoring(asOf: Self.may10), policy: two, municipality: test.sydby.id, now: testNow)
            }
            let later = try await repository.propose(Self.scoring(asOf: LocalDate(year: 2024, month: 5, day: 20)!), policy: two, municipality: test.sydby.id, now: testNow)
            #expect(later.proposals.isEmpty && later.usedBefore == 2)
            let wider = try await repository.propose(Self.scoring(asOf: LocalDate(year: 2024, month: 5, day: 25)!), policy: ProposalPolicy(monthlyCapacity: 5),
                                                     municipality: test.sydby.id, now: testNow)
            #expect(wider.proposals.map(\.household) == ["H1"])

            let stored = try await repository.proposals(municipality: test.sydby.id)
            #expect(stored.map(\.proposal.household) == ["H2", "H4", "H1"])
            #expect(stored.allSatisfy { $0.state == .open && $0.modelVersion == 1 })
            #expect(stored[0].proposal == first.proposals[0])
            #expect(try await repository.proposals(municipality: test.nordby.id).isEmpty)
            #expect(try await AuditTests.actions(test) == ["score-model", "score-model", "score-model"])
            let scores = try await (test.app.db as! any SQLDatabase).select().column("scores").from("model_score_runs").all()
            #expect(scores.count == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func thePolicyIsTheMunicipalitysOwn(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let repository = ProposalRepository(test.app.db)
            #expect(try await repository.policy(municipality: test.sydby.id) == ProposalPolicy())
            try await repository.setPolicy(ProposalPolicy(monthlyCapacity: 7, threshold: 0.25), municipality: test.sydby.id)
            try await repository.setPolicy(ProposalPolicy(monthlyCapacity: 8), municipality: test.sydby.id)
            #expect(try await repository.policy(municipality: test.sydby.id) == ProposalPolicy(monthlyCapacity: 8))
            #expect(try await repository.policy(municipality: test.nordby.id) == ProposalPolicy())
        }
    }
}
