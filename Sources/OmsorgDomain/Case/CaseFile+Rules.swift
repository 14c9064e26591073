import Foundation

extension CaseFile {
    /// How far ahead of the server's clock a recorded time may lie, for clocks that are slightly off.
    public static let clockTolerance: TimeInterval = 5 * 60

    /// Checks `step` against the law's order and the case's state, then records it.
    public mutating func record(_ step: CaseStep, now: Date) throws(CaseFlowError) {
        if let refusal = refusal(of: step.kind) { throw refusal }
        if let occurredAt = step.occurredAt, occurredAt > now.addingTimeInterval(Self.clockTolerance) {
            throw .invalid(Self.timeField(of: step.kind), "The time lies in the future; record a step when it has happened.")
        }
        try check(step)
        apply(step)
    }

    /// The steps a caseworker can take now, in the order of the flow: what the UI offers next.
    public var allowedSteps: [CaseStep.Kind] {
        CaseStep.Kind.allCases.filter { refusal(of: $0) == nil }
    }

    /// Why a kind of step is not allowed in the present state, or nil when it is.
    public func refusal(of kind: CaseStep.Kind) -> CaseFlowError? {
        if isClosed && kind != .notifierReceipt { return .conflict("The case is closed.") }
        switch kind {
        case .report, .childConversation, .consent, .followUpCadence:
            return nil
        case .urgentAssessment:
            return reports.contains { urgentAssessments[$0.id] == nil } ? nil
                : .conflict("Every report of concern on this case already has its urgent assessment.")
        case .notifierReceipt:
            return reports.contains { $0.notifier.kind != .anonymous && receipts[$0.id] == nil } ? nil
                : .conflict("No report on this case is waiting for a receipt to its notifier.")
        case .preliminaryAssessment:
            if investigation != nil { return .conflict("The investigation has started; the preliminary assessment is closed.") }
            return reports.allSatisfy { urgentAssessments[$0.id] != nil } ? nil
                : .conflict("Assess the child's immediate safety (urgent assessment) for every report first.")
        case .investigation:
            if investigation != nil { return .conflict("A child investigation has already been started on this case.") }
            return preliminaryAssessment?.outcome == .investigate && !hasUnscreenedReport ? nil
                : .conflict("A child investigation follows a preliminary assessment concluding that the case should be investigated.")
        case .investigationSection, .investigationCompletion:
            return investigationInProgress ? nil : .conflict("There is no child investigation in progress on this case.")
        case .decision:
            if decision != nil { return .conflict("The decision on this case has already been made.") }
            return investigation?.completion != nil ? nil : .conflict("Complete the child investigation before the decision.")
        case .childPlan, .measure:
            return decision?.outcome == .measures || (decision == nil && investigationInProgress) ? nil
                : .conflict("Measures and a child's plan need a decision granting measures, or an investigation in progress.")
        case .measureEnd:
            return measures.contains { $0.endDate == nil } ? nil : .conflict("No measure on this case is running without an end date.")
        case .followUp:
            return measures.isEmpty ? .conflict("A follow-up follows a measure; no measure has been granted on this case.") : nil
        case .closure:
            return stage == .readyToClose ? nil : .conflict(closureRefusal)
        }
    }

    private var closureRefusal: String {
        switch stage {
        case .intake: "Make the preliminary assessment of every report before closing the case."
        case .investigation: "Complete the child investigation before closing the case."
        case .decision: "Make the decision after the investigation before closing the case."
        default: "End every running measure before closing the case."
        }
    }

    private func check(_ step: CaseStep) throws(CaseFlowError) {
        switch step {
        case .report(let r): try Self.check(r)
        case .urgentAssessment(let a): try check(a)
        case .notifierReceipt(let r): try check(r)
        case .preliminaryAssessment(let a):
            try Self.require(a.text, "text")
            try Self.notBefore(a.assessedAt, openedAt, "assessedAt", "the first report of concern")
        case .investigation(let i):
            try Self.notBefore(i.decidedAt, preliminaryAssessment?.assessedAt, "decidedAt", "the preliminary assessment")
        case .investigationSection(let s):
            try Self.require(s.text, "text")
        case .childConversation(let c): try Self.require(c.summary, "summary")
        case .consent(let c): try Self.require(c.givenBy, "givenBy")
        case .investigationCompletion(let c): try check(c)
        case .decision(let d): try check(d)
        case .childPlan(let p): try Self.check(p)
        case .measure(let m): try check(m)
        case .measureEnd(let e): try check(e)
        case .followUp(let f): try check(f)
        case .followUpCadence(let months):
            guard (1...12).contains(months) else { throw .invalid("months", "The follow-up cadence is 1 to 12 months.") }
        case .closure(let c):
            try Self.require(c.reason, "reason")
            let lastEnd = measures.compactMap(\.endDate).max()
            if let lastEnd, LocalDate(c.closedAt) < lastEnd {
                throw .invalid("closedAt", "The case cannot close before its last measure ends (\(lastEnd)).")
            }
        }
    }

    private static func check(_ report: ReportOfConcern) throws(CaseFlowError) {
        try require(report.description, "description")
        let notifier = report.notifier
        switch notifier.kind {
        case .professional:
            try require(notifier.organisation ?? "", "notifier.organisation")
        case .anonymous where notifier.name != nil || notifier.email != nil:
            throw .invalid("notifier", "An anonymous report carries no notifier name or e-mail; choose 'private' if the notifier is known.")
        default: break
        }
    }

    private func check(_ assessment: UrgentAssessment) throws(CaseFlowError) {
        guard let report = report(assessment.reportID) else { throw .invalid("reportId", "No such report of concern on this case.") }
        guard urgentAssessments[report.id] == nil else { throw .conflict("This report already has its urgent assessment.") }
        try Self.require(assessment.note, "note")
        try Self.notBefore(assessment.assessedAt, report.receivedAt, "assessedAt", "the report was received")
    }

    private func check(_ receipt: NotifierReceipt) throws(CaseFlowError) {
        guard let report = report(receipt.reportID) else { throw .invalid("reportId", "No such report of concern on this case.") }
        guard report.notifier.kind != .anonymous else { throw .conflict("An anonymous notifier cannot be sent a receipt.") }
        guard receipts[report.id] == nil else { throw .conflict("The notifier of this report has already had a receipt.") }
        try Self.notBefore(receipt.sentAt, report.receivedAt, "sentAt", "the report was received")
    }

    private func check(_ completion: ChildInvestigation.Completion) throws(CaseFlowError) {
        guard let investigation else { return }
        let missing = investigation.missingSections
        guard missing.isEmpty else {
            throw .conflict("Write the ICS investigation sections first: \(missing.map(\.rawValue).joined(separator: ", ")).")
        }
        try Self.require(completion.conclusion, "conclusion")
        try Self.notBefore(completion.completedAt, investigation.decidedAt, "completedAt", "the investigation was decided")
    }

    private func check(_ decision: Decision) throws(CaseFlowError) {
        try Self.require(decision.reasoning, "reasoning")
        let completedAt = investigation?.completion?.completedAt
        try Self.notBefore(decision.decidedAt, completedAt, "decidedAt", "the investigation was completed")
        let heardSince = investigation?.decidedAt ?? .distantPast
        guard childConversations.contains(where: { $0.heldAt >= heardSince && $0.heldAt <= decision.decidedAt }) else {
            throw .conflict("Hold a child conversation (§5) during the investigation before the decision.")
        }
    }

    private static func check(_ plan: ChildPlan) throws(CaseFlowError) {
        guard !plan.goals.isEmpty else { throw .invalid("goals", "A child's plan has at least one concrete goal.") }
        for (index, goal) in plan.goals.enumerated() {
            try require(goal.description, "goals[\(index)].description")
        }
    }

    private func check(_ measure: Measure) throws(CaseFlowError) {
        try Self.require(measure.kind, "kind")
        try Self.require(measure.provider, "provider")
        try Self.require(measure.reason, "reason")
        guard measure.monthlyCost >= 0 else { throw .invalid("monthlyCost", "The monthly cost cannot be negative.") }
        if let end = measure.endDate, end < measure.startDate {
            throw .invalid("endDate", "A measure cannot end before it starts.")
        }
        let grantedAt = decision?.decidedAt ?? investigation?.decidedAt
        if let grantedAt, measure.startDate < LocalDate(grantedAt) {
            throw .invalid("startDate", "A measure cannot start before it was granted (\(LocalDate(grantedAt))).")
        }
        if measure.legalBasis.needsConsent && !consents.contains(where: { $0.scope == .measures }) {
            throw .conflict("A measure under \(measure.legalBasis.rawValue) needs the custody holders' consent; record it first.")
        }
        if measure.legalBasis == .section47 && plan == nil {
            throw .conflict("A placement without consent (§47) needs the child's plan first.")
        }
    }

    private func check(_ end: MeasureEnd) throws(CaseFlowError) {
        guard let measure = measure(end.measureID) else { throw .invalid("measureId", "No such measure on this case.") }
        guard measure.endDate == nil else { throw .conflict("This measure already has an end date.") }
        guard end.endDate >= measure.startDate else { throw .invalid("endDate", "A measure cannot end before it starts (\(measure.startDate)).") }
    }

    private func check(_ followUp: FollowUp) throws(CaseFlowError) {
        try Self.require(followUp.status, "status")
        try Self.require(followUp.childConversation, "childConversation")
        let firstStart = measures.map(\.startDate).min()!
        if LocalDate(followUp.heldAt) < firstStart {
            throw .invalid("heldAt", "A follow-up comes after the first measure has started (\(firstStart)).")
        }
        let goals = Set(plan?.goals.map(\.id) ?? [])
        var seen = Set<ChildPlan.Goal.ID>()
        for (index, item) in followUp.goalAttainment.enumerated() {
            guard goals.contains(item.goalID), seen.insert(item.goalID).inserted else {
                throw .invalid("goalAttainment[\(index)].goalId", "Each goal of the present child's plan may be rated once.")
            }
        }
    }

    private static func require(_ text: String, _ field: String) throws(CaseFlowError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(field, "\(field) must not be empty.")
        }
    }

    private static func notBefore(_ time: Date, _ earliest: Date?, _ field: String, _ what: String) throws(CaseFlowError) {
        if let earliest, time < earliest {
            throw .invalid(field, "The time lies before \(what).")
        }
    }

    static func timeField(of kind: CaseStep.Kind) -> String {
        switch kind {
        case .report: "receivedAt"
        case .urgentAssessment, .preliminaryAssessment: "assessedAt"
        case .notifierReceipt: "sentAt"
        case .investigation, .decision: "decidedAt"
        case .investigationSection: "writtenAt"
        case .childConversation, .followUp: "heldAt"
        case .consent: "givenAt"
        case .investigationCompletion: "completedAt"
        case .childPlan: "madeAt"
        case .closure: "closedAt"
        case .measure, .measureEnd, .followUpCadence: "date"
        }
    }
}
