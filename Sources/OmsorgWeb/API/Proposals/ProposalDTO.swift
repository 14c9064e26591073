import Foundation
import OmsorgDetection
import OmsorgDomain
import OmsorgStore

/// A proposal as the API shows it: its explanation and where its workflow stands, and, for the
/// caseworker who holds it, the family's resolved person numbers and the efforts started.
struct ProposalDTO: Encodable {
    struct Indicator: Encodable {
        let column: String
        let oddsRatio: Double
        let children: Int
    }

    struct Person: Encodable {
        let pseudonym: String
        let relation: String
        let personNumber: String
        let birthDate: LocalDate
    }

    let id: UUID
    let asOf: LocalDate
    let modelVersion: Int
    let score: Double
    let children: Int
    let indicators: [Indicator]
    let state: ProposalState
    let heldByYou: Bool
    let takenAt: Date?
    let consentRequestedAt: Date?
    let answerDeadline: LocalDate?
    let answerOverdue: Bool
    let closedAt: Date?
    let note: String?
    let relevance: Relevance?
    let relevanceNote: String?
    let allowedActions: [ProposalAction]
    let family: [Person]?
    let efforts: [PreventiveEffort]?

    init(_ work: ProposalRepository.Work, user: StaffUser.ID, now: Date, family: [ProposalRepository.FamilyPerson]? = nil,
         efforts: [PreventiveEffort]? = nil) {
        let proposal = work.proposal.proposal, workflow = work.workflow
        id = work.proposal.id
        asOf = work.proposal.asOf
        modelVersion = work.proposal.modelVersion
        score = proposal.score
        children = proposal.children.count
        indicators = proposal.indicators.map { Indicator(column: $0.column, oddsRatio: $0.oddsRatio, children: $0.children) }
        state = workflow.state
        heldByYou = workflow.holder == user
        takenAt = workflow.takenAt
        consentRequestedAt = workflow.consentRequestedAt
        answerDeadline = workflow.answerDeadline
        answerOverdue = workflow.answerOverdue(today: LocalDate(now))
        closedAt = workflow.closedAt
        note = heldByYou ? workflow.note : nil
        relevance = workflow.relevance
        relevanceNote = heldByYou ? workflow.relevanceNote : nil
        allowedActions = workflow.allowedActions(for: user, today: LocalDate(now))
        self.family = family?.map { Person(pseudonym: $0.pseudonym, relation: $0.relation.rawValue, personNumber: $0.personNumber.digits, birthDate: $0.personNumber.birthDate) }
        self.efforts = efforts
    }
}
