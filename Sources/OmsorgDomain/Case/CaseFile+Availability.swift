import Foundation

extension CaseFile {
    /// The steps that can be taken now, in the order of the flow: what the UI offers next. A step
    /// offered here is accepted with valid data.
    public var allowedSteps: [CaseStep.Kind] {
        CaseStep.Kind.allCases.filter { availability(of: $0) == nil }
    }

    /// The next steps of the flow that wait for something, with what they wait for: what the UI
    /// shows beside the steps it offers. A closed case waits for nothing.
    public var blockedSteps: [(kind: CaseStep.Kind, blocker: StepBlocker)] {
        guard !isClosed else { return [] }
        let expected: [CaseStep.Kind] = switch stage {
        case .intake: [.preliminaryAssessment, .investigation]
        case .investigation: [.investigationCompletion, .decision]
        case .decision: [.decision, .measure]
        case .measures: [.measure, .followUp, .closure]
        case .readyToClose, .closed: [.closure]
        }
        return expected.compactMap { kind in availability(of: kind).map { (kind, $0) } }
    }

    /// What a kind of step waits for in the present state, or nil when it can be taken now. Every
    /// state precondition of the flow is here, and `record` checks the same.
    public func availability(of kind: CaseStep.Kind) -> StepBlocker? {
        if isClosed && kind != .notifierReceipt { return .caseClosed }
        switch kind {
        case .report, .childConversation, .consent, .followUpCadence:
            return nil
        case .urgentAssessment:
            return reportsAwaitingUrgentAssessment.isEmpty ? .everyReportAssessed : nil
        case .notifierReceipt:
            return reportsAwaitingReceipt.isEmpty ? .noReceiptOwed : nil
        case .preliminaryAssessment:
            if investigation != nil { return .investigationStarted }
            return reportsAwaitingUrgentAssessment.isEmpty ? nil : .urgentAssessmentMissing
        case .investigation:
            if investigation != nil { return .investigationStarted }
            return preliminaryAssessment?.outcome == .investigate && !hasUnscreenedReport ? nil : .investigationNotRecommended
        case .investigationSection:
            return investigationInProgress ? nil : .noInvestigationInProgress
        case .investigationCompletion:
            guard let investigation, investigation.completion == nil else { return .noInvestigationInProgress }
            return investigation.missingSections.isEmpty ? nil : .sectionsMissing(investigation.missingSections)
        case .decision:
            if decision != nil { return .decisionAlreadyMade }
            if investigation?.completion == nil { return .investigationNotCompleted }
            return conversationsDuringInvestigation.isEmpty ? .childConversationMissing : nil
        case .childPlan:
            return mayGrantMeasures ? nil : .noDecisionForMeasures
        case .measure:
            let blockers = Measure.LegalBasis.allCases.map(availability(of:))
            return blockers.contains { $0 == nil } ? nil : blockers.compactMap { $0 }.first
        case .measureEnd:
            return runningMeasures.isEmpty ? .noRunningMeasure : nil
        case .followUp:
            return measures.isEmpty ? .noMeasureYet : nil
        case .closure:
            return stage == .readyToClose ? nil : .notReadyToClose(stage)
        }
    }

    /// What a measure under `basis` waits for: consent for §32 and §46, the child's plan for §47.
    public func availability(of basis: Measure.LegalBasis) -> StepBlocker? {
        if isClosed { return .caseClosed }
        guard mayGrantMeasures else { return .noDecisionForMeasures }
        if basis.needsConsent && !consents.contains(where: { $0.scope == .measures }) { return .consentMissing(basis) }
        if basis == .section47 && plan == nil { return .childPlanMissing }
        return nil
    }

    /// A measure needs a decision granting measures, or may be granted while an investigation runs.
    private var mayGrantMeasures: Bool {
        decision?.outcome == .measures || (decision == nil && investigationInProgress)
    }

    /// The child conversations held since the investigation was decided (§5: before the decision).
    var conversationsDuringInvestigation: [ChildConversation] {
        guard let start = investigation?.decidedAt else { return [] }
        return childConversations.filter { $0.heldAt >= start }
    }
}
