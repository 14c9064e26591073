import FluentKit
import Foundation
import OmsorgDetection
import OmsorgDomain
import SQLKit

/// The consent-gated workflow, in the store: each step reads the proposal, lets `ProposalWorkflow`
/// decide, and writes the result and its audit entry in one transaction, so two caseworkers taking
/// one proposal at once leave it with one of them and the other a refusal.
extension ProposalRepository {
    /// A proposal with where its workflow stands.
    public struct Work: Sendable, Equatable {
        public let proposal: StoredProposal
        public let workflow: ProposalWorkflow
    }

    /// One of the family: a child of the proposal or a custody holder, resolved from the pseudonym.
    public struct FamilyPerson: Sendable, Equatable {
        public enum Relation: String, Sendable { case child, custodyHolder = "custody-holder" }
        public let pseudonym: String
        public let relation: Relation
        public let personNumber: PersonNumber
    }

    /// The municipality's proposals with their workflow, the highest score first; audited, as the
    /// worklist shows pseudonymised personal data.
    public func worklist(access: Access, state: ProposalState?, now: Date) async throws -> [Work] {
        let works = try await works(municipality: access.municipalityID, id: nil, state: state)
        try await append(access, .listProposals, subject: "proposals: \(works.count)", now: now)
        return works
    }

    /// The proposals `access`'s caseworker holds that wait for them: taken, waiting for the family's
    /// answer, or consented and not yet judged for relevance (an effort to start, feedback to give),
    /// the earliest deadline first; for the work tray, audited when there are any.
    public func awaiting(access: Access, now: Date) async throws -> [Work] {
        let works = try await Self.works(municipality: access.municipalityID, id: nil, state: nil, holder: access.actor, on: sql)
            .filter { [.taken, .consentRequested].contains($0.workflow.state) || ($0.workflow.state == .consented && $0.workflow.relevance == nil) }
            // Those still to be sent a request, which have no deadline yet, after those that wait for an answer.
            .sorted { ($0.workflow.answerDeadline?.daysSinceEpoch ?? .max, $0.proposal.createdAt) < ($1.workflow.answerDeadline?.daysSinceEpoch ?? .max, $1.proposal.createdAt) }
        if !works.isEmpty { try await append(access, .listProposals, subject: "work tray proposals: \(works.count)", now: now) }
        return works
    }

    /// One proposal of the caller's municipality; audited.
    public func work(_ id: UUID, access: Access, now: Date) async throws -> Work {
        guard let work = try await works(municipality: access.municipalityID, id: id, state: nil).first else { throw Self.notFound(id) }
        try await append(access, .readProposal, subject: "proposal:\(id)", now: now)
        return work
    }

    /// Applies `step` to the proposal for `access`'s caseworker and stores the outcome with its entry.
    public func advance(_ id: UUID, _ action: ProposalAction, access: Access, now: Date,
                        step: @escaping @Sendable (inout ProposalWorkflow) throws -> Void) async throws -> Work {
        try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            _ = try await sql.select().column("id").from("detection_proposals").where("id", .equal, id).for(.update).first()
            guard let before = try await Self.works(municipality: access.municipalityID, id: id, state: nil, on: sql).first else { throw Self.notFound(id) }
            var workflow = before.workflow
            try step(&workflow)
            try await Self.store(workflow, of: id, on: sql)
            try await AuditLog.append([AuditEntry(access, .proposal(action), subject: "proposal:\(id) \(workflow.state.rawValue)", children: [], at: now)], on: tx)
            return Work(proposal: before.proposal, workflow: workflow)
        }
    }

    /// The family of a proposal the caller holds, each person number resolved from its pseudonym
    /// and the resolution audited: the proposal's children and their custody holders.
    public func family(of work: Work, access: Access, now: Date) async throws -> [FamilyPerson] {
        guard work.workflow.holder == access.actor else { throw ProposalBlocker.notHolder }
        guard work.workflow.showsFamily(to: access.actor) else { return [] }
        let children = work.proposal.proposal.children.map(\.id)
        return try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            let municipality = access.municipalityID.rawValue
            let parents = try await sql.select().distinct().column("parent").from("detection_custody").where("municipality_id", .equal, municipality)
                .where("child", .in, children).all().map { try $0.decode(column: "parent", as: String.self) }.sorted()
            let wanted = children + parents.filter { !children.contains($0) }
            let rows = try await sql.select().columns("pseudonym", "person_number").from("person_register")
                .where("municipality_id", .equal, municipality).where("pseudonym", .in, wanted).all()
            var numbers: [String: PersonNumber] = [:]
            for row in rows { numbers[try row.decode(column: "pseudonym", as: String.self)] = try PersonNumber(row.decode(column: "person_number", as: String.self)) }
            try await AuditLog.append([AuditEntry(access, .resolvePseudonym, subject: "proposal:\(work.proposal.id) pseudonyms: \(wanted.joined(separator: ","))",
                                                  children: [], at: now)], on: tx)
            return wanted.compactMap { pseudonym in
                numbers[pseudonym].map { FamilyPerson(pseudonym: pseudonym, relation: children.contains(pseudonym) ? .child : .custodyHolder, personNumber: $0) }
            }
        }
    }

    /// The family's existing cases, for the caseworker who holds the proposal and only once the
    /// family's consent is recorded; before that the answer is that there are none to see (404).
    public func familyCases(of work: Work, family: [FamilyPerson], access: Access, now: Date) async throws -> [CaseSummary] {
        let cases = try await familySummaries(of: work, family: family, access: access)
        try await db.writing { tx in
            try await AuditLog.append([AuditEntry(access, .listCases, subject: "proposal:\(work.proposal.id) family cases", children: cases.map(\.childID), at: now)], on: tx)
        }
        return cases
    }

    /// One of the family's cases, whatever team works it, on the same terms as `familyCases`.
    public func familyCase(_ caseID: CaseFile.ID, of work: Work, family: [FamilyPerson], access: Access, now: Date) async throws -> CaseRecord {
        guard try await familySummaries(of: work, family: family, access: access).contains(where: { $0.id == caseID }),
              let team = try await sql.select().column("team").from("cases").where("id", .equal, caseID.rawValue).first()?.decode(column: "team", as: String.self)
        else { throw StoreError.notFound("No case \(caseID) in this family.") }
        let record = try await CaseRepository.find(caseID, scope: AccessScope(municipalityID: access.municipalityID, team: team), on: db)
        try await db.writing { tx in
            try await AuditLog.append([AuditEntry(access, .readCase, subject: "case:\(caseID) via proposal:\(work.proposal.id)", children: [record.child.id], at: now)], on: tx)
        }
        return record
    }

    /// The cases of the family's children, once consent is recorded; the caller audits what it shows.
    private func familySummaries(of work: Work, family: [FamilyPerson], access: Access) async throws -> [CaseSummary] {
        guard work.workflow.opensFamilyCases(to: access.actor) else { throw Self.noFamilyCases }
        let numbers = family.filter { $0.relation == .child }.map(\.personNumber.digits)
        guard !numbers.isEmpty else { return [] }
        let query: SQLQueryString = """
            SELECT c.id, c.child_id, c.stage, c.opened_at, c.caseworker_id, h.name FROM cases c JOIN children h ON h.id = c.child_id
            WHERE c.municipality_id = \(bind: access.municipalityID.rawValue) AND h.person_number IN (\(SQLList(numbers.map { SQLBind($0) })))
            ORDER BY c.opened_at DESC
            """
        return try await sql.raw(query).all().map { row in
            CaseSummary(id: .init(try row.decode(column: "id", as: UUID.self)), childID: .init(try row.decode(column: "child_id", as: UUID.self)),
                        childName: try row.decode(column: "name", as: String.self),
                        stage: CaseFile.Stage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .intake,
                        openedAt: try row.decode(column: "opened_at", as: Date.self),
                        caseworkerID: try row.decode(column: "caseworker_id", as: UUID?.self).map(StaffUser.ID.init))
        }
    }

    /// Starts an early preventive effort for a child of a consenting family.
    public func startEffort(_ effort: PreventiveEffort, on id: UUID, access: Access, now: Date) async throws -> Work {
        try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            // Held, as a step holds it: a form sent twice at once starts one effort.
            _ = try await sql.select().column("id").from("detection_proposals").where("id", .equal, id).for(.update).first()
            guard let work = try await Self.works(municipality: access.municipalityID, id: id, state: nil, on: sql).first else { throw Self.notFound(id) }
            if let blocker = work.workflow.blocker(for: .startEffort, by: access.actor, today: LocalDate(now)) { throw CaseFlowError.blocked(.proposal(blocker)) }
            let checked = try effort.checked(children: work.proposal.proposal.children.map(\.id), consentGivenOn: LocalDate(work.workflow.closedAt ?? now))
            let same = try await sql.select().column("id").from("preventive_efforts").where("proposal_id", .equal, id).where("child", .equal, checked.child)
                .where("offer", .equal, checked.offer).where("start_date", .equal, checked.startDate.description).first()
            if same != nil { throw CaseFlowError.blocked(.proposal(.effortExists)) }
            try await sql.insert(into: "preventive_efforts")
                .columns("id", "municipality_id", "proposal_id", "child", "offer", "provider", "goals", "start_date", "follow_up_date", "note", "created_by", "created_at")
                .values(SQLBind(checked.id.rawValue), SQLBind(access.municipalityID.rawValue), SQLBind(id), SQLBind(checked.child), SQLBind(checked.offer),
                        SQLBind(checked.provider), SQLBind(String(decoding: try JSONEncoder().encode(checked.goals), as: UTF8.self)),
                        SQLBind(checked.startDate.description), SQLBind(checked.followUpDate.description), SQLBind(checked.note),
                        SQLBind(access.actor.rawValue), SQLBind(now))
                .run()
            try await AuditLog.append([AuditEntry(access, .proposal(.startEffort), subject: "proposal:\(id) effort:\(checked.id)", children: [], at: now)], on: tx)
            return work
        }
    }

    /// The efforts started for a proposal.
    public func efforts(of id: UUID, municipality: Municipality.ID) async throws -> [PreventiveEffort] {
        try await sql.select().columns("id", "child", "offer", "provider", "goals", "start_date", "follow_up_date", "note").from("preventive_efforts")
            .where("municipality_id", .equal, municipality.rawValue).where("proposal_id", .equal, id).orderBy("created_at").all().map { row in
                PreventiveEffort(id: .init(try row.decode(column: "id", as: UUID.self)), child: try row.decode(column: "child", as: String.self),
                                 offer: try row.decode(column: "offer", as: String.self), provider: try row.decode(column: "provider", as: String.self),
                                 goals: try JSONDecoder().decode([String].self, from: Data(row.decode(column: "goals", as: String.self).utf8)),
                                 startDate: try LocalDate(iso: row.decode(column: "start_date", as: String.self)),
                                 followUpDate: try LocalDate(iso: row.decode(column: "follow_up_date", as: String.self)),
                                 note: try row.decode(column: "note", as: String?.self))
            }
    }

    /// How caseworkers judged the proposals `version` made: counts only, no one named.
    public func feedback(version: Int, municipality: Municipality.ID) async throws -> RelevanceFeedback {
        let rows = try await sql.select().column("relevance").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("detection_proposals")
            .where("municipality_id", .equal, municipality.rawValue).where("model_version", .equal, version).groupBy("relevance").all()
        var counts: [Relevance?: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "relevance", as: String?.self).flatMap(Relevance.init(rawValue:))] = try row.decode(column: "n", as: Int.self)
        }
        return RelevanceFeedback(proposals: counts.values.reduce(0, +), yes: counts[.yes] ?? 0, no: counts[.no] ?? 0, unclear: counts[.unclear] ?? 0)
    }

    private func works(municipality: Municipality.ID, id: UUID?, state: ProposalState?) async throws -> [Work] {
        try await Self.works(municipality: municipality, id: id, state: state, on: sql)
    }

    static func works(municipality: Municipality.ID, id: UUID?, state: ProposalState?, holder: StaffUser.ID? = nil,
                      on sql: any SQLDatabase) async throws -> [Work] {
        var query = sql.select().columns("id", "as_of", "state", "explanation", "created_at", "model_version", "holder_id", "taken_at",
                                         "consent_requested_at", "answer_deadline", "closed_at", "note", "relevance", "relevance_note")
            .from("detection_proposals").where("municipality_id", .equal, municipality.rawValue)
        if let id { query = query.where("id", .equal, id) }
        if let state { query = query.where("state", .equal, state.rawValue) }
        if let holder { query = query.where("holder_id", .equal, holder.rawValue) }
        return try await query.orderBy("score", .descending).orderBy("household").all().map { row in
            let proposal = try StoredProposal(row)
            let workflow = ProposalWorkflow(state: proposal.state, holder: try row.decode(column: "holder_id", as: UUID?.self).map(StaffUser.ID.init),
                                            takenAt: try row.decode(column: "taken_at", as: Date?.self),
                                            consentRequestedAt: try row.decode(column: "consent_requested_at", as: Date?.self),
                                            answerDeadline: try row.decode(column: "answer_deadline", as: String?.self).map { try LocalDate(iso: $0) },
                                            closedAt: try row.decode(column: "closed_at", as: Date?.self), note: try row.decode(column: "note", as: String?.self),
                                            relevance: try row.decode(column: "relevance", as: String?.self).flatMap(Relevance.init(rawValue:)),
                                            relevanceNote: try row.decode(column: "relevance_note", as: String?.self))
            return Work(proposal: proposal, workflow: workflow)
        }
    }

    private static func store(_ workflow: ProposalWorkflow, of id: UUID, on sql: any SQLDatabase) async throws {
        try await sql.update("detection_proposals")
            .set("state", to: workflow.state.rawValue).set("holder_id", to: workflow.holder?.rawValue).set("taken_at", to: workflow.takenAt)
            .set("consent_requested_at", to: workflow.consentRequestedAt).set("answer_deadline", to: workflow.answerDeadline?.description)
            .set("closed_at", to: workflow.closedAt).set("note", to: workflow.note).set("relevance", to: workflow.relevance?.rawValue)
            .set("relevance_note", to: workflow.relevanceNote).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
            .where("id", .equal, id).run()
    }

    private func append(_ access: Access, _ action: AuditEntry.Action, subject: String, now: Date) async throws {
        try await db.writing { tx in try await AuditLog.append([AuditEntry(access, action, subject: subject, children: [], at: now)], on: tx) }
    }

    /// What anyone but the holder of a consented proposal is told of the family's cases.
    public static let noFamilyCases = StoreError.notFound("No cases to show for this proposal: only the caseworker who holds it sees them, once the family's consent is recorded.")

    static func notFound(_ id: UUID) -> StoreError { .notFound("No proposal \(id) in your municipality.") }
}
