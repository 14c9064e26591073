import Foundation

extension CaseFile {
    /// How far ahead of the server's clock a recorded time may lie, for clocks that are slightly off.
    public static let clockTolerance: TimeInterval = 5 * 60

    /// The months between follow-ups that a municipality may decide (§95).
    public static let followUpCadenceRange = 1...12

    /// Checks `step` against the law's order and the case's state, then records it.
    public mutating func record(_ step: CaseStep, now: Date) throws(CaseFlowError) {
        if let blocker = availability(of: step) { throw .blocked(blocker) }
        if let occurredAt = step.occurredAt, occurredAt > now.addingTimeInterval(Self.clockTolerance) {
            throw .invalid(Self.timeField(of: step.kind), .inFuture)
        }
        try check(step, now: now)
        apply(step)
    }

    /// What this very step waits for: a measure waits for what its own legal basis needs.
    private func availability(of step: CaseStep) -> StepBlocker? {
        if case .measure(let measure) = step { return availability(of: measure.legalBasis) }
        return availability(of: step.kind)
    }

    private func check(_ step: CaseStep, now: Date) throws(CaseFlowError) {
        switch step {
        case .report(let r): try Self.check(r)
        case .urgentAssessment(let a): try check(a)
        case .notifierReceipt(let r): try check(r)
        case .preliminaryAssessment(let a):
            try Self.require(a.text, "text")
            try Self.notBefore(a.assessedAt, openedAt, "assessedAt", .firstReport)
        case .investigation(let i):
            try Self.notBefore(i.decidedAt, preliminaryAssessment?.assessedAt, "decidedAt", .preliminaryAssessment)
        case .investigationSection(let s):
            try Self.require(s.text, "text")
            try Self.notBefore(s.writtenAt, investigation?.decidedAt, "writtenAt", .investigationDecided)
        case .childConversation(let c): try Self.require(c.summary, "summary")
        case .consent(let c): try Self.require(c.givenBy, "givenBy")
        case .investigationCompletion(let c): try check(c)
        case .decision(let d): try check(d)
        case .childPlan(let p): try Self.check(p)
        case .measure(let m): try check(m, now: now)
        case .measureEnd(let e): try check(e)
        case .followUp(let f): try check(f)
        case .followUpCadence(let months):
            guard Self.followUpCadenceRange.contains(months) else { throw .invalid("months", .cadenceOutOfRange) }
        case .closure(let c):
            try Self.require(c.reason, "reason")
            if let lastEnd = measures.compactMap(\.endDate).max(), LocalDate(c.closedAt) < lastEnd {
                throw .invalid("closedAt", .closureBeforeMeasureEnds(lastEnd))
            }
        }
    }

    private static func check(_ report: ReportOfConcern) throws(CaseFlowError) {
        try require(report.description, "description")
        let notifier = report.notifier
        try plain(notifier.name, "notifier.name")
        try plain(notifier.organisation, "notifier.organisation")
        try plain(notifier.email, "notifier.email")
        switch notifier.kind {
        case .professional:
            try require(notifier.organisation ?? "", "notifier.organisation")
        case .anonymous where notifier.name != nil || notifier.email != nil:
            throw .invalid("notifier", .anonymousWithName)
        default: break
        }
    }

    private func check(_ assessment: UrgentAssessment) throws(CaseFlowError) {
        guard let report = report(assessment.reportID) else { throw .invalid("reportId", .unknownReport) }
        guard urgentAssessments[report.id] == nil else { throw .blocked(.reportAlreadyAssessed) }
        try Self.require(assessment.note, "note")
        try Self.notBefore(assessment.assessedAt, report.receivedAt, "assessedAt", .reportReceived)
    }

    private func check(_ receipt: NotifierReceipt) throws(CaseFlowError) {
        guard let report = report(receipt.reportID) else { throw .invalid("reportId", .unknownReport) }
        guard report.notifier.kind != .anonymous else { throw .blocked(.anonymousNotifier) }
        guard receipts[report.id] == nil else { throw .blocked(.receiptAlreadySent) }
        try Self.notBefore(receipt.sentAt, report.receivedAt, "sentAt", .reportReceived)
    }

    private func check(_ completion: ChildInvestigation.Completion) throws(CaseFlowError) {
        try Self.require(completion.conclusion, "conclusion")
        try Self.notBefore(completion.completedAt, investigation?.decidedAt, "completedAt", .investigationDecided)
        try Self.notBefore(completion.completedAt, latestSectionWrittenAt, "completedAt", .latestSection)
    }

    private func check(_ decision: Decision) throws(CaseFlowError) {
        try Self.require(decision.reasoning, "reasoning")
        try Self.notBefore(decision.decidedAt, investigation?.completion?.completedAt, "decidedAt", .investigationCompleted)
        let firstConversation = conversationsDuringInvestigation.map(\.heldAt).min()
        try Self.notBefore(decision.decidedAt, firstConversation, "decidedAt", .childConversation)
    }

    private static func check(_ plan: ChildPlan) throws(CaseFlowError) {
        guard !plan.goals.isEmpty else { throw .invalid("goals", .noGoals) }
        for (index, goal) in plan.goals.enumerated() {
            try require(goal.description, "goals[\(index)].description")
        }
    }

    private func check(_ measure: Measure, now: Date) throws(CaseFlowError) {
        try Self.require(measure.kind, "kind")
        try Self.require(measure.provider, "provider")
        try Self.require(measure.reason, "reason")
        guard Measure.monthlyCostRange.contains(measure.monthlyCost) else { throw .invalid("monthlyCost", .costOutOfRange) }
        let latestStart = LocalDate(now).addingMonths(12 * Measure.yearsAheadToStart)
        guard measure.startDate <= latestStart else { throw .invalid("startDate", .startTooFarAhead(latestStart)) }
        if let end = measure.endDate, end < measure.startDate {
            throw .invalid("endDate", .endBeforeStart(measure.startDate))
        }
        try Self.checkEnd(measure.endDate, of: measure)
        let grantedAt = decision?.decidedAt ?? investigation?.decidedAt
        if let grantedAt, measure.startDate < LocalDate(grantedAt) {
            throw .invalid("startDate", .startBeforeGrant(LocalDate(grantedAt)))
        }
        let consentGiven = consents.filter { $0.scope == .measures }.map { LocalDate($0.givenAt) }.min()
        if measure.legalBasis.needsConsent, let consentGiven, measure.startDate < consentGiven {
            throw .invalid("startDate", .startBeforeConsent(consentGiven))
        }
    }

    private func check(_ end: MeasureEnd) throws(CaseFlowError) {
        guard let measure = measure(end.measureID) else { throw .invalid("measureId", .unknownMeasure) }
        guard measure.endDate == nil else { throw .blocked(.measureAlreadyEnded) }
        guard end.endDate >= measure.startDate else { throw .invalid("endDate", .endBeforeStart(measure.startDate)) }
        try Self.checkEnd(end.endDate, of: measure)
    }

    /// A measure lasts at most until the child is a young adult; a later end is a typing error.
    private static func checkEnd(_ end: LocalDate?, of measure: Measure) throws(CaseFlowError) {
        let latestEnd = measure.startDate.addingMonths(12 * Measure.longestYears)
        if let end, end > latestEnd { throw .invalid("endDate", .endTooFarAhead(latestEnd)) }
    }

    private func check(_ followUp: FollowUp) throws(CaseFlowError) {
        try Self.require(followUp.status, "status")
        try Self.require(followUp.childConversation, "childConversation")
        if let firstStart = measures.map(\.startDate).min(), LocalDate(followUp.heldAt) < firstStart {
            throw .invalid("heldAt", .followUpBeforeMeasure(firstStart))
        }
        let goals = Set(plan?.goals.map(\.id) ?? [])
        var seen = Set<ChildPlan.Goal.ID>()
        for (index, item) in followUp.goalAttainment.enumerated() {
            guard goals.contains(item.goalID), seen.insert(item.goalID).inserted else {
                throw .invalid("goalAttainment[\(index)].goalId", .goalNotInPlan)
            }
        }
    }

    static func require(_ text: String, _ field: String) throws(CaseFlowError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .invalid(field, .empty) }
        try plain(text, field)
    }

    /// Optional texts may be empty, but hold no control characters either.
    static func plain(_ text: String?, _ field: String) throws(CaseFlowError) {
        if let text, let character = PlainText.forbiddenCharacter(in: text) { throw .invalid(field, .controlCharacter(character)) }
    }

    private static func notBefore(_ time: Date, _ earliest: Date?, _ field: String,
                                  _ milestone: DataProblem.Milestone) throws(CaseFlowError) {
        if let earliest, time < earliest { throw .invalid(field, .before(milestone)) }
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
