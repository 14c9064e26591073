import OmsorgDomain
import Vapor

/// The request body of one step of the case flow, and the domain step it records.
protocol StepBody: Codable, Sendable {
    func step() -> CaseStep
}

struct UrgentAssessmentBody: StepBody {
    let reportId: ReportOfConcern.ID
    let assessedAt: Date
    let childAtImmediateRisk: Bool
    let note: String

    func step() -> CaseStep {
        .urgentAssessment(UrgentAssessment(reportID: reportId, assessedAt: assessedAt, childAtImmediateRisk: childAtImmediateRisk, note: note))
    }
}

struct NotifierReceiptBody: StepBody {
    let reportId: ReportOfConcern.ID
    let sentAt: Date

    func step() -> CaseStep { .notifierReceipt(NotifierReceipt(reportID: reportId, sentAt: sentAt)) }
}

struct PreliminaryAssessmentBody: StepBody {
    let assessedAt: Date
    let text: String
    let outcome: PreliminaryAssessment.Outcome

    func step() -> CaseStep { .preliminaryAssessment(PreliminaryAssessment(assessedAt: assessedAt, text: text, outcome: outcome)) }
}

struct InvestigationBody: StepBody {
    let decidedAt: Date

    func step() -> CaseStep { .investigation(ChildInvestigation(decidedAt: decidedAt)) }
}

struct InvestigationSectionBody: StepBody {
    let section: ChildInvestigation.Section
    let text: String
    let writtenAt: Date

    func step() -> CaseStep { .investigationSection(InvestigationSectionText(section: section, text: text, writtenAt: writtenAt)) }
}

struct ChildConversationBody: StepBody {
    let heldAt: Date
    let summary: String

    func step() -> CaseStep { .childConversation(ChildConversation(heldAt: heldAt, summary: summary)) }
}

struct ConsentBody: StepBody {
    let givenBy: String
    let scope: Consent.Scope
    let givenAt: Date

    func step() -> CaseStep { .consent(Consent(givenBy: givenBy, scope: scope, givenAt: givenAt)) }
}

struct InvestigationCompletionBody: StepBody {
    let completedAt: Date
    let conclusion: String

    func step() -> CaseStep { .investigationCompletion(.init(completedAt: completedAt, conclusion: conclusion)) }
}

struct DecisionBody: StepBody {
    let decidedAt: Date
    let outcome: Decision.Outcome
    let reasoning: String

    func step() -> CaseStep { .decision(Decision(decidedAt: decidedAt, outcome: outcome, reasoning: reasoning)) }
}

struct ChildPlanBody: StepBody {
    struct GoalBody: Codable, Sendable {
        let description: String
    }

    let madeAt: Date
    let goals: [GoalBody]
    let childInvolved: Bool
    let parentsInvolved: Bool

    func step() -> CaseStep {
        .childPlan(ChildPlan(madeAt: madeAt, goals: goals.map { .init(description: $0.description) },
                             childInvolved: childInvolved, parentsInvolved: parentsInvolved))
    }
}

struct MeasureBody: StepBody {
    let legalBasis: Measure.LegalBasis
    let kind: String
    let provider: String
    let reason: String
    let startDate: LocalDate
    let endDate: LocalDate?
    let monthlyCost: Int

    func step() -> CaseStep {
        .measure(Measure(legalBasis: legalBasis, kind: kind, provider: provider, reason: reason,
                         startDate: startDate, endDate: endDate, monthlyCost: monthlyCost))
    }
}

struct MeasureEndBody: StepBody {
    let measureId: Measure.ID
    let endDate: LocalDate

    func step() -> CaseStep { .measureEnd(MeasureEnd(measureID: measureId, endDate: endDate)) }
}

struct FollowUpBody: StepBody {
    struct AttainmentBody: Codable, Sendable {
        let goalId: ChildPlan.Goal.ID
        let attainment: FollowUp.Attainment
    }

    let heldAt: Date
    let status: String
    let childConversation: String
    let goalAttainment: [AttainmentBody]

    func step() -> CaseStep {
        .followUp(FollowUp(heldAt: heldAt, status: status, childConversation: childConversation,
                           goalAttainment: goalAttainment.map { .init(goalID: $0.goalId, attainment: $0.attainment) }))
    }
}

struct FollowUpCadenceBody: StepBody {
    let months: Int

    func step() -> CaseStep { .followUpCadence(months: months) }
}

struct ClosureBody: StepBody {
    let closedAt: Date
    let reason: String

    func step() -> CaseStep { .closure(Closure(closedAt: closedAt, reason: reason)) }
}
