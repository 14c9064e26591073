import Foundation

/// One recorded fact in a case. A case's record is the ordered list of its steps; its state, stage
/// and deadlines are all derived from them, so nothing can drift out of step with the record.
public enum CaseStep: Sendable, Equatable {
    case report(ReportOfConcern)
    case urgentAssessment(UrgentAssessment)
    case notifierReceipt(NotifierReceipt)
    case preliminaryAssessment(PreliminaryAssessment)
    case investigation(ChildInvestigation)
    case investigationSection(InvestigationSectionText)
    case childConversation(ChildConversation)
    case consent(Consent)
    case investigationCompletion(ChildInvestigation.Completion)
    case decision(Decision)
    case childPlan(ChildPlan)
    case measure(Measure)
    case measureEnd(MeasureEnd)
    case followUp(FollowUp)
    case followUpCadence(months: Int)
    case closure(Closure)

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case report
        case urgentAssessment = "urgent-assessment"
        case notifierReceipt = "notifier-receipt"
        case preliminaryAssessment = "preliminary-assessment"
        case investigation
        case investigationSection = "investigation-section"
        case childConversation = "child-conversation"
        case consent
        case investigationCompletion = "investigation-completion"
        case decision
        case childPlan = "child-plan"
        case measure
        case measureEnd = "measure-end"
        case followUp = "follow-up"
        case followUpCadence = "follow-up-cadence"
        case closure
    }

    public var kind: Kind {
        switch self {
        case .report: .report
        case .urgentAssessment: .urgentAssessment
        case .notifierReceipt: .notifierReceipt
        case .preliminaryAssessment: .preliminaryAssessment
        case .investigation: .investigation
        case .investigationSection: .investigationSection
        case .childConversation: .childConversation
        case .consent: .consent
        case .investigationCompletion: .investigationCompletion
        case .decision: .decision
        case .childPlan: .childPlan
        case .measure: .measure
        case .measureEnd: .measureEnd
        case .followUp: .followUp
        case .followUpCadence: .followUpCadence
        case .closure: .closure
        }
    }

    /// When the step happened, for the steps that must not lie in the future. Measures may be
    /// granted to start or end on a later date, so they have none.
    public var occurredAt: Date? {
        switch self {
        case .report(let r): r.receivedAt
        case .urgentAssessment(let a): a.assessedAt
        case .notifierReceipt(let r): r.sentAt
        case .preliminaryAssessment(let a): a.assessedAt
        case .investigation(let i): i.decidedAt
        case .investigationSection(let s): s.writtenAt
        case .childConversation(let c): c.heldAt
        case .consent(let c): c.givenAt
        case .investigationCompletion(let c): c.completedAt
        case .decision(let d): d.decidedAt
        case .childPlan(let p): p.madeAt
        case .followUp(let f): f.heldAt
        case .closure(let c): c.closedAt
        case .measure, .measureEnd, .followUpCadence: nil
        }
    }
}
