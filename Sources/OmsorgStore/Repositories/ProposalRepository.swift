import FluentKit
import Foundation
import OmsorgDetection
import OmsorgDomain
import SQLKit

/// Scoring runs, each stored with the version that made it and every child's score, and the
/// families they proposed. A run and its proposals are written in one transaction with their audit
/// entry, and the choice of families is made inside it, so that two runs at once cannot together
/// exceed the month's capacity or propose one family twice.
public struct ProposalRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    public struct StoredProposal: Sendable, Equatable {
        public let id: UUID
        public let asOf: LocalDate
        public let state: ProposalState
        public let proposal: HouseholdProposal
        public let modelVersion: Int
        public let createdAt: Date

        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            asOf = try LocalDate(iso: row.decode(column: "as_of", as: String.self))
            state = ProposalState(rawValue: try row.decode(column: "state", as: String.self)) ?? .open
            proposal = try JSONDecoder().decode(HouseholdProposal.self, from: Data(row.decode(column: "explanation", as: String.self).utf8))
            modelVersion = try row.decode(column: "model_version", as: Int.self)
            createdAt = try row.decode(column: "created_at", as: Date.self)
        }
    }

    /// What a run did: how many children it scored, how many families had two or more
    /// indicators, the capacity already used that month, and whom it proposed.
    public struct Outcome: Sendable, Equatable {
        public let children: Int
        public let eligible: Int
        public let usedBefore: Int
        public let proposals: [HouseholdProposal]
    }

    public func policy(municipality: Municipality.ID) async throws -> ProposalPolicy {
        guard let row = try await sql.select().columns("monthly_capacity", "threshold").from("detection_settings")
            .where("municipality_id", .equal, municipality.rawValue).first() else { return ProposalPolicy() }
        return ProposalPolicy(monthlyCapacity: try row.decode(column: "monthly_capacity", as: Int.self),
                              threshold: try row.decode(column: "threshold", as: Double?.self))
    }

    /// Sets the municipality's policy (already `checked`).
    public func setPolicy(_ policy: ProposalPolicy, municipality: Municipality.ID) async throws {
        try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            try await sql.delete(from: "detection_settings").where("municipality_id", .equal, municipality.rawValue).run()
            try await sql.insert(into: "detection_settings").columns("municipality_id", "monthly_capacity", "threshold")
                .values(SQLBind(municipality.rawValue), SQLBind(policy.monthlyCapacity), SQLBind(policy.threshold)).run()
        }
    }

    /// When `version` last scored as of `asOf`, if it has.
    public func scoredAt(version: Int, asOf: LocalDate, municipality: Municipality.ID) async throws -> Date? {
        try await sql.select().column("scored_at").from("model_score_runs").where("municipality_id", .equal, municipality.rawValue)
            .where("version", .equal, version).where("as_of", .equal, asOf.description).first()?.decode(column: "scored_at", as: Date.self)
    }

    /// Stores the run and proposes the families `policy` allows: not proposed within
    /// `ProposalPolicy.quietMonths` of the day, within what is left of the month's capacity.
    public func propose(_ scoring: Scoring, policy: ProposalPolicy, municipality: Municipality.ID, now: Date) async throws -> Outcome {
        let scores = try StoredScores.encoded(children: scoring.children, scores: scoring.scores)
        do {
            return try await db.writing { tx in
                let sql = tx as! any SQLDatabase
                let excluded = try await Self.recentlyProposed(around: scoring.asOf, municipality: municipality, on: sql)
                let used = try await Self.proposedInMonth(of: scoring.asOf, municipality: municipality, on: sql)
                let (eligible, proposals) = ProposalSelector(model: scoring.model, policy: policy)
                    .select(scoring.table, scores: scoring.scores, children: scoring.children, households: scoring.households,
                            excluded: excluded, remaining: policy.monthlyCapacity - used)
                let run = UUID()
                try await sql.insert(into: "model_score_runs")
                    .columns("id", "municipality_id", "version", "as_of", "scored_at", "children", "eligible", "scores")
                    .values(SQLBind(run), SQLBind(municipality.rawValue), SQLBind(scoring.version), SQLBind(scoring.asOf.description),
                            SQLBind(now), SQLBind(scoring.children.count), SQLBind(eligible), SQLBind(scores))
                    .run()
                for proposal in proposals {
                    try await Self.insert(proposal, run: run, version: scoring.version, asOf: scoring.asOf, municipality: municipality, now: now, on: sql)
                }
                try await AuditLog.append([AuditEntry(at: now, actor: AuditEntry.system, role: .administrator, municipality: municipality,
                                                      action: AuditEntry.Action.scoreModel.name,
                                                      subject: "model-version:\(scoring.version) as of \(scoring.asOf): \(proposals.count) proposed",
                                                      children: [], purpose: Access.Purpose.earlyDetection.rawValue)], on: tx)
                return Outcome(children: scoring.children.count, eligible: eligible, usedBefore: used, proposals: proposals)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw StoreError.duplicate("Version \(scoring.version) has already scored as of \(scoring.asOf).")
        }
    }

    /// The municipality's proposals, the highest score first.
    public func proposals(municipality: Municipality.ID, state: ProposalState? = nil) async throws -> [StoredProposal] {
        try await Self.works(municipality: municipality, id: nil, state: state, on: sql).map(\.proposal)
    }

    private static func insert(_ proposal: HouseholdProposal, run: UUID, version: Int, asOf: LocalDate, municipality: Municipality.ID, now: Date,
                               on sql: any SQLDatabase) async throws {
        let explanation = String(decoding: try JSONEncoder().encode(proposal), as: UTF8.self)
        try await sql.insert(into: "detection_proposals")
            .columns("id", "municipality_id", "run_id", "model_version", "household", "as_of", "score", "state", "explanation", "created_at")
            .values(SQLBind(UUID()), SQLBind(municipality.rawValue), SQLBind(run), SQLBind(version), SQLBind(proposal.household), SQLBind(asOf.description),
                    SQLBind(proposal.score), SQLBind(ProposalState.open.rawValue), SQLBind(explanation), SQLBind(now))
            .run()
    }

    /// Households proposed within the quiet months before or after `day`.
    private static func recentlyProposed(around day: LocalDate, municipality: Municipality.ID, on sql: any SQLDatabase) async throws -> Set<String> {
        let rows = try await sql.select().column("household").from("detection_proposals").where("municipality_id", .equal, municipality.rawValue)
            .where("as_of", .greaterThan, day.addingMonths(-ProposalPolicy.quietMonths).description)
            .where("as_of", .lessThan, day.addingMonths(ProposalPolicy.quietMonths).description).all()
        return Set(try rows.map { try $0.decode(column: "household", as: String.self) })
    }

    /// Families proposed for days in the calendar month of `day`.
    private static func proposedInMonth(of day: LocalDate, municipality: Municipality.ID, on sql: any SQLDatabase) async throws -> Int {
        let first = LocalDate(year: day.year, month: day.month, day: 1)!
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("detection_proposals")
            .where("municipality_id", .equal, municipality.rawValue)
            .where("as_of", .greaterThanOrEqual, first.description).where("as_of", .lessThan, first.addingMonths(1).description)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

/// A run's scores as `model_score_runs.scores` holds them: the children's pseudonyms and their scores, side by side.
private struct StoredScores: Codable {
    let children: [String]
    let scores: [Double]

    static func encoded(children: [String], scores: [Double]) throws -> String {
        String(decoding: try JSONEncoder().encode(StoredScores(children: children, scores: scores)), as: UTF8.self)
    }
}
