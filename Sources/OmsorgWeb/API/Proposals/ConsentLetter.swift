import OmsorgDomain
import OmsorgStore
import Vapor

/// The letter that asks a proposed family's custody holders for consent, in Danish, whatever the
/// caseworker's page language: it names what the proposal rests on, indicator by indicator, never
/// a source record, says that saying no has no consequences, and gives the deadline. It is sent
/// through Digital Post, which addresses the custody holders by person number.
struct ConsentLetter {
    let work: ProposalRepository.Work
    let municipality: String

    private var texts: Texts { Texts(.danish) }

    /// The letter of `work`, signed by `user`'s municipality.
    static func of(_ work: ProposalRepository.Work, for user: StaffUser, on request: Request) async throws -> ConsentLetter {
        ConsentLetter(work: work, municipality: try await request.staff.municipality(user.municipalityID)?.name ?? "")
    }

    var subject: String { texts("letter.subject", ["municipality": municipality]) }

    var body: String {
        let deadline = work.workflow.answerDeadline ?? LocalDate(work.workflow.takenAt ?? work.proposal.createdAt).addingDays(ProposalWorkflow.answerDays)
        let indicators = work.proposal.proposal.indicators.map { "- " + texts("indicator.\($0.column)") }.joined(separator: "\n")
        return texts("letter.body", ["municipality": municipality, "indicators": indicators, "deadline": texts.date(deadline)])
    }
}
