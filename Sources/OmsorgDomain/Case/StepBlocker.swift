/// Why a step cannot be taken in the case's present state: what it waits for. One case per state
/// precondition of the flow, so the UI can say it in the user's language (`code`) and the API in
/// English (`message`).
public enum StepBlocker: Sendable, Equatable {
    case caseClosed
    case everyReportAssessed
    case reportAlreadyAssessed
    case noReceiptOwed
    case anonymousNotifier
    case receiptAlreadySent
    case urgentAssessmentMissing
    case investigationStarted
    case investigationNotRecommended
    case noInvestigationInProgress
    case sectionsMissing([ChildInvestigation.Section])
    case childConversationMissing
    case investigationNotCompleted
    case decisionAlreadyMade
    case noDecisionForMeasures
    case consentMissing(Measure.LegalBasis)
    case childPlanMissing
    case noRunningMeasure
    case measureAlreadyEnded
    case noMeasureYet
    case notReadyToClose(CaseFile.Stage)
    /// A step of an early-detection proposal's consent workflow.
    case proposal(ProposalBlocker)

    public var code: String {
        switch self {
        case .caseClosed: "case-closed"
        case .everyReportAssessed: "every-report-assessed"
        case .reportAlreadyAssessed: "report-already-assessed"
        case .noReceiptOwed: "no-receipt-owed"
        case .anonymousNotifier: "anonymous-notifier"
        case .receiptAlreadySent: "receipt-already-sent"
        case .urgentAssessmentMissing: "urgent-assessment-missing"
        case .investigationStarted: "investigation-started"
        case .investigationNotRecommended: "investigation-not-recommended"
        case .noInvestigationInProgress: "no-investigation-in-progress"
        case .sectionsMissing: "sections-missing"
        case .childConversationMissing: "child-conversation-missing"
        case .investigationNotCompleted: "investigation-not-completed"
        case .decisionAlreadyMade: "decision-already-made"
        case .noDecisionForMeasures: "no-decision-for-measures"
        case .consentMissing: "consent-missing"
        case .childPlanMissing: "child-plan-missing"
        case .noRunningMeasure: "no-running-measure"
        case .measureAlreadyEnded: "measure-already-ended"
        case .noMeasureYet: "no-measure-yet"
        case .notReadyToClose(let stage): "not-ready-to-close-\(stage.rawValue)"
        case .proposal(let blocker): "proposal-\(blocker.code)"
        }
    }

    public var message: String {
        switch self {
        case .caseClosed: "The case is closed."
        case .everyReportAssessed: "Every report of concern on this case already has its urgent assessment."
        case .reportAlreadyAssessed: "This report already has its urgent assessment."
        case .noReceiptOwed: "No report on this case is waiting for a receipt to its notifier."
        case .anonymousNotifier: "An anonymous notifier cannot be sent a receipt."
        case .receiptAlreadySent: "The notifier of this report has already had a receipt."
        case .urgentAssessmentMissing: "Assess the child's immediate safety (urgent assessment) for every report first."
        case .investigationStarted: "The investigation has started; the preliminary assessment is closed."
        case .investigationNotRecommended:
            "A child investigation follows a preliminary assessment concluding that the case should be investigated."
        case .noInvestigationInProgress: "There is no child investigation in progress on this case."
        case .sectionsMissing(let sections):
            "Write the ICS investigation sections first: \(sections.map(\.rawValue).joined(separator: ", "))."
        case .childConversationMissing: "Hold a child conversation (§5) during the investigation before the decision."
        case .investigationNotCompleted: "Complete the child investigation before the decision."
        case .decisionAlreadyMade: "The decision on this case has already been made."
        case .noDecisionForMeasures:
            "Measures and a child's plan need a decision granting measures, or an investigation in progress."
        case .consentMissing(let basis): "A measure under \(basis.rawValue) needs the custody holders' consent; record it first."
        case .childPlanMissing: "A placement without consent (§47) needs the child's plan first."
        case .noRunningMeasure: "No measure on this case is running without an end date."
        case .measureAlreadyEnded: "This measure already has an end date."
        case .noMeasureYet: "A follow-up follows a measure; no measure has been granted on this case."
        case .notReadyToClose(let stage):
            switch stage {
            case .intake: "Make the preliminary assessment of every report before closing the case."
            case .investigation: "Complete the child investigation before closing the case."
            case .decision: "Make the decision after the investigation before closing the case."
            default: "End every running measure before closing the case."
            }
        case .proposal(let blocker): blocker.message
        }
    }
}
