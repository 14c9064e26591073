import Foundation

/// A child's case in one municipality: the state derived from its recorded steps.
public struct CaseFile: Sendable, Equatable {
    public typealias ID = Identifier<CaseFile>

    public enum Stage: String, Codable, Sendable, CaseIterable {
        case intake
        case investigation
        case decision
        case measures
        case readyToClose = "ready-to-close"
        case closed
    }

    public let id: ID
    public internal(set) var reports: [ReportOfConcern] = []
    public internal(set) var urgentAssessments: [ReportOfConcern.ID: UrgentAssessment] = [:]
    public internal(set) var receipts: [ReportOfConcern.ID: NotifierReceipt] = [:]
    public internal(set) var preliminaryAssessment: PreliminaryAssessment?
    public internal(set) var investigation: ChildInvestigation?
    public internal(set) var childConversations: [ChildConversation] = []
    public internal(set) var consents: [Consent] = []
    public internal(set) var decision: Decision?
    public internal(set) var plan: ChildPlan?
    public internal(set) var firstPlanMadeAt: Date?
    public internal(set) var measures: [Measure] = []
    public internal(set) var followUps: [FollowUp] = []
    public internal(set) var followUpCadenceMonths = 6
    public internal(set) var closure: Closure?
    /// When the latest ICS section was written: the investigation cannot be completed before it.
    public internal(set) var latestSectionWrittenAt: Date?

    public init(id: ID) { self.id = id }

    /// Rebuilds a case from its stored steps. The steps were checked when they were recorded.
    public init(id: ID, replaying steps: [CaseStep]) {
        self.init(id: id)
        for step in steps { apply(step) }
    }

    public var isClosed: Bool { closure != nil }

    public var investigationInProgress: Bool {
        investigation != nil && investigation?.completion == nil
    }

    /// Whether a report arrived after the latest preliminary assessment and so has not been screened.
    public var hasUnscreenedReport: Bool {
        guard let assessedAt = preliminaryAssessment?.assessedAt else { return !reports.isEmpty }
        return reports.contains { $0.receivedAt > assessedAt }
    }

    public var stage: Stage {
        if isClosed { return .closed }
        if investigationInProgress { return .investigation }
        if investigation != nil && decision == nil { return .decision }
        if decision?.outcome == .measures {
            return measures.isEmpty || measures.contains { $0.endDate == nil } ? .measures : .readyToClose
        }
        if decision?.outcome == .noMeasures { return .readyToClose }
        if preliminaryAssessment?.outcome == .noFurtherAction && !hasUnscreenedReport { return .readyToClose }
        return .intake
    }

    public var openedAt: Date? { reports.map(\.receivedAt).min() }

    func report(_ id: ReportOfConcern.ID) -> ReportOfConcern? { reports.first { $0.id == id } }

    func measure(_ id: Measure.ID) -> Measure? { measures.first { $0.id == id } }

    mutating func apply(_ step: CaseStep) {
        switch step {
        case .report(let r): reports.append(r)
        case .urgentAssessment(let a): urgentAssessments[a.reportID] = a
        case .notifierReceipt(let r): receipts[r.reportID] = r
        case .preliminaryAssessment(let a): preliminaryAssessment = a
        case .investigation(let i): investigation = i
        case .investigationSection(let s):
            investigation?.sections[s.section] = s.text
            latestSectionWrittenAt = max(latestSectionWrittenAt ?? s.writtenAt, s.writtenAt)
        case .childConversation(let c): childConversations.append(c)
        case .consent(let c): consents.append(c)
        case .investigationCompletion(let c): investigation?.completion = c
        case .decision(let d): decision = d
        case .childPlan(let p):
            plan = p
            firstPlanMadeAt = firstPlanMadeAt ?? p.madeAt
        case .measure(let m): measures.append(m)
        case .measureEnd(let e):
            if let index = measures.firstIndex(where: { $0.id == e.measureID }) { measures[index].endDate = e.endDate }
        case .followUp(let f): followUps.append(f)
        case .followUpCadence(let months): followUpCadenceMonths = months
        case .closure(let c): closure = c
        }
    }
}
