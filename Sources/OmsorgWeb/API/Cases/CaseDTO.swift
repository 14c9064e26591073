import OmsorgDomain
import OmsorgStore
import Vapor

/// A case as the API shows it: each step of the flow so far, its deadlines, and the steps the
/// caseworker can take next.
struct CaseDTO: Encodable {
    struct ChildDTO: Encodable {
        let id: Child.ID
        let personNumber: String
        let name: String
        let birthDate: LocalDate
        let schoolOrDaycare: String?
    }

    struct ReportDTO: Encodable {
        let id: ReportOfConcern.ID
        let notifier: ReportOfConcern.Notifier
        let receivedAt: Date
        let description: String
        let urgentAssessment: UrgentAssessmentDTO?
        let receiptSentAt: Date?
    }

    /// Identifiers end in `Id` in answers as in requests (`reportId`, `goalId`), whatever the
    /// domain's Swift names: these two steps carry one.
    struct UrgentAssessmentDTO: Encodable {
        let reportId: ReportOfConcern.ID
        let assessedAt: Date
        let childAtImmediateRisk: Bool
        let note: String

        init(_ assessment: UrgentAssessment) {
            reportId = assessment.reportID
            assessedAt = assessment.assessedAt
            childAtImmediateRisk = assessment.childAtImmediateRisk
            note = assessment.note
        }
    }

    struct FollowUpDTO: Encodable {
        struct GoalAttainmentDTO: Encodable {
            let goalId: ChildPlan.Goal.ID
            let attainment: FollowUp.Attainment
        }

        let heldAt: Date
        let status: String
        let childConversation: String
        let goalAttainment: [GoalAttainmentDTO]

        init(_ followUp: FollowUp) {
            heldAt = followUp.heldAt
            status = followUp.status
            childConversation = followUp.childConversation
            goalAttainment = followUp.goalAttainment.map { GoalAttainmentDTO(goalId: $0.goalID, attainment: $0.attainment) }
        }
    }

    struct InvestigationDTO: Encodable {
        let decidedAt: Date
        let dueDate: LocalDate
        let sections: [String: String]
        let missingSections: [ChildInvestigation.Section]
        let completion: ChildInvestigation.Completion?
    }

    struct DeadlineDTO: Encodable {
        let kind: Deadline.Kind
        let reportId: ReportOfConcern.ID?
        let dueAt: Date
        let dueDate: LocalDate
        let status: Deadline.Status
        let dueSoon: Bool
        let metAt: Date?

        init(_ deadline: Deadline, now: Date) {
            kind = deadline.kind
            reportId = deadline.reportID
            dueAt = deadline.dueAt
            dueDate = LocalDate(deadline.dueAt)
            status = deadline.status(at: now)
            dueSoon = deadline.isDueSoon(at: now)
            metAt = deadline.metAt
        }
    }

    let id: CaseFile.ID
    let stage: CaseFile.Stage
    let team: String
    let caseworkerId: StaffUser.ID?
    /// Send it back as `If-Match: "N"` when assigning, to change only what you saw.
    let assignmentVersion: Int
    let openedAt: Date?
    let child: ChildDTO
    let family: [FamilyMember]
    let reports: [ReportDTO]
    let preliminaryAssessment: PreliminaryAssessment?
    let investigation: InvestigationDTO?
    let childConversations: [ChildConversation]
    let consents: [Consent]
    let decision: Decision?
    let childPlan: ChildPlan?
    let measures: [Measure]
    let followUps: [FollowUpDTO]
    let followUpCadenceMonths: Int
    let closure: Closure?
    let deadlines: [DeadlineDTO]
    let nextSteps: [CaseStep.Kind]
    let blockedSteps: [BlockedStepDTO]

    /// A next step of the flow that waits for something, and what: the same answer the pages give.
    struct BlockedStepDTO: Encodable {
        let kind: CaseStep.Kind
        let code: String
        let reason: String
    }

    init(_ record: CaseRecord, now: Date) {
        let file = record.file
        id = record.id
        stage = file.stage
        team = record.team
        caseworkerId = record.caseworkerID
        assignmentVersion = record.assignmentVersion
        openedAt = file.openedAt
        child = ChildDTO(id: record.child.id, personNumber: record.child.personNumber.description, name: record.child.name,
                         birthDate: record.child.birthDate, schoolOrDaycare: record.child.schoolOrDaycare)
        family = record.family
        reports = file.reports.map { report in
            ReportDTO(id: report.id, notifier: report.notifier, receivedAt: report.receivedAt, description: report.description,
                      urgentAssessment: file.urgentAssessments[report.id].map(UrgentAssessmentDTO.init), receiptSentAt: file.receipts[report.id]?.sentAt)
        }
        preliminaryAssessment = file.preliminaryAssessment
        investigation = file.investigation.map { investigation in
            InvestigationDTO(decidedAt: investigation.decidedAt, dueDate: investigation.dueDate,
                             sections: Dictionary(uniqueKeysWithValues: investigation.sections.map { ($0.key.rawValue, $0.value) }),
                             missingSections: investigation.missingSections, completion: investigation.completion)
        }
        childConversations = file.childConversations
        consents = file.consents
        decision = file.decision
        childPlan = file.plan
        measures = file.measures
        followUps = file.followUps.map(FollowUpDTO.init)
        followUpCadenceMonths = file.followUpCadenceMonths
        closure = file.closure
        deadlines = DeadlineEngine.deadlines(for: file).sorted { $0.dueAt < $1.dueAt }.map { DeadlineDTO($0, now: now) }
        nextSteps = file.allowedSteps
        blockedSteps = file.blockedSteps.map { BlockedStepDTO(kind: $0.kind, code: $0.blocker.code, reason: $0.blocker.message) }
    }
}
