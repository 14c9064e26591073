import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

/// The early-detection pages: the municipality's worklist of proposals (pseudonymised), and one
/// proposal with what it rests on and the next step of its consent workflow for the caseworker who
/// holds it.
enum ProposalPage {
    struct Model: Sendable {
        let work: ProposalRepository.Work
        let holdsIt: Bool
        /// Who holds the proposal, for anyone else: whom to ask about it.
        let holderName: String?
        let allowed: [ProposalAction]
        /// The family, resolved for the caseworker who holds the proposal; empty for anyone else.
        let family: [ProposalRepository.FamilyPerson]
        /// The family's cases, once consent is recorded.
        let cases: [CaseSummary]
        let efforts: [PreventiveEffort]
        let letter: ConsentLetter?
        /// The form that was sent and refused, with its values and messages.
        let refused: (action: ProposalAction, state: FormState)?
        let notice: String?
    }

    static func model(_ id: UUID, for user: StaffUser, refused: (ProposalAction, FormState)? = nil, notice: String? = nil,
                      on request: Request) async throws -> Model {
        let repository = ProposalRepository(request.db), access = Access(user, purpose: .earlyDetection)
        let work = try await repository.work(id, access: access, now: request.now)
        let holdsIt = work.workflow.holder == user.id
        let family = work.workflow.showsFamily(to: user.id) ? try await repository.family(of: work, access: access, now: request.now) : []
        let cases = work.workflow.opensFamilyCases(to: user.id) ? try await repository.familyCases(of: work, family: family, access: access, now: request.now) : []
        let letter = holdsIt && work.workflow.state == .taken ? try await ConsentLetter.of(work, for: user, on: request) : nil
        var holderName: String?
        if !holdsIt, let holder = work.workflow.holder { holderName = try await request.staff.user(holder, in: user.municipalityID)?.displayName }
        return Model(work: work, holdsIt: holdsIt, holderName: holderName, allowed: work.workflow.allowedActions(for: user.id, today: LocalDate(request.now))
                        .filter { user.role == .caseworker || $0 != .take },
                     family: family, cases: cases, efforts: holdsIt ? try await repository.efforts(of: id, municipality: user.municipalityID) : [],
                     letter: letter,
                     refused: refused, notice: notice)
    }

    /// One of the family's cases, for the caseworker who holds the proposal once consent is recorded.
    static func familyCase(_ caseID: CaseFile.ID, of id: UUID, for user: StaffUser, on request: Request) async throws -> CaseRecord {
        let repository = ProposalRepository(request.db), access = Access(user, purpose: .earlyDetection)
        let work = try await repository.work(id, access: access, now: request.now)
        guard work.workflow.opensFamilyCases(to: user.id) else { throw Abort(.notFound) }
        let family = try await repository.family(of: work, access: access, now: request.now)
        return try await repository.familyCase(caseID, of: work, family: family, access: access, now: request.now)
    }

    static func worklist(for user: StaffUser, on request: Request) async throws -> [ProposalRepository.Work] {
        try await ProposalRepository(request.db).worklist(access: Access(user, purpose: .earlyDetection), state: nil, now: request.now)
    }
}
