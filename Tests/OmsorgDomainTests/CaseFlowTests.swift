import Foundation
import Testing
@testable import OmsorgDomain

@Suite("Case flow")
struct CaseFlowTests {
    @Test func runsFromReportToClosure() throws {
        var builder = CaseBuilder()
        #expect(builder.file.stage == .intake)
        try builder.investigating(from: "2024-01-02 09:00")
        #expect(builder.file.stage == .investigation)
        try builder.completeInvestigation(at: "2024-02-01 10:00")
        #expect(builder.file.stage == .decision)
        try builder.record(.decision(Decision(decidedAt: dk("2024-02-05 10:00"), outcome: .measures, reasoning: "Støtte.")))
        #expect(builder.file.stage == .measures)
        let goal = ChildPlan.Goal(description: "Møder i skole hver dag")
        try builder.record(.childPlan(ChildPlan(madeAt: dk("2024-02-06 10:00"), goals: [goal], childInvolved: true, parentsInvolved: true)))
        try builder.grantConsent(at: "2024-02-06 11:00")
        let measure = supportMeasure(from: "2024-02-15")
        try builder.record(.measure(measure))
        try builder.record(.followUp(FollowUp(heldAt: dk("2024-05-10 10:00"), status: "Fremgang.", childConversation: "Glad.",
                                              goalAttainment: [.init(goalID: goal.id, attainment: .achieved)])))
        try builder.record(.measureEnd(MeasureEnd(measureID: measure.id, endDate: day("2024-08-31"))))
        #expect(builder.file.stage == .readyToClose)
        #expect(builder.file.allowedSteps.contains(.closure))
        try builder.record(.closure(Closure(closedAt: dk("2024-09-02 10:00"), reason: "Målene er nået.")))
        #expect(builder.file.stage == .closed)
        #expect(builder.file.allowedSteps == [.notifierReceipt])
        let open = DeadlineEngine.deadlines(for: builder.file).filter { $0.metAt == nil && $0.kind != .notifierReceipt }
        #expect(open.isEmpty)
    }

    @Test func aNewReportJoinsTheOpenCaseAndMustBeScreened() throws {
        var builder = CaseBuilder()
        let first = try builder.reported(at: "2024-01-02 09:00")
        try builder.record(.urgentAssessment(UrgentAssessment(reportID: first, assessedAt: dk("2024-01-02 12:00"), childAtImmediateRisk: false, note: "OK")))
        try builder.record(.preliminaryAssessment(PreliminaryAssessment(assessedAt: dk("2024-01-03 12:00"), text: "Ingen grund.", outcome: .noFurtherAction)))
        #expect(builder.file.stage == .readyToClose)
        _ = try builder.reported(at: "2024-01-10 09:00")
        #expect(builder.file.stage == .intake)
        #expect(builder.file.availability(of: .closure) == .notReadyToClose(.intake))
        #expect(builder.file.availability(of: .preliminaryAssessment) == .urgentAssessmentMissing)
    }

    @Test func stepsOutOfOrderAreRefusedWithAReason() throws {
        var builder = CaseBuilder()
        _ = try builder.reported(at: "2024-01-02 09:00")
        let tooEarly: [(CaseStep, String)] = [
            (.investigation(ChildInvestigation(decidedAt: dk("2024-01-03 09:00"))), "preliminary assessment"),
            (.decision(Decision(decidedAt: dk("2024-01-03 09:00"), outcome: .measures, reasoning: "x")), "investigation"),
            (.measure(supportMeasure(from: "2024-01-05")), "decision"),
            (.closure(Closure(closedAt: dk("2024-01-03 09:00"), reason: "x")), "preliminary assessment"),
            (.preliminaryAssessment(PreliminaryAssessment(assessedAt: dk("2024-01-03 09:00"), text: "x", outcome: .investigate)), "urgent assessment"),
        ]
        for (step, reason) in tooEarly {
            let before = builder.file
            #expect {
                try builder.record(step)
            } throws: { error in
                guard let error = error as? CaseFlowError else { return false }
                return error.kind == .conflict && error.message.contains(reason)
            }
            #expect(builder.file == before)
        }
    }

    @Test func supportMeasuresNeedConsentAndPlacementsWithoutConsentNeedAPlan() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-01-02 09:00")
        try builder.completeInvestigation(at: "2024-02-01 10:00")
        try builder.record(.decision(Decision(decidedAt: dk("2024-02-05 10:00"), outcome: .measures, reasoning: "Anbringelse.")))
        #expect(throws: CaseFlowError.blocked(.consentMissing(.section32))) {
            try builder.record(.measure(supportMeasure(from: "2024-02-15")))
        }
        let placement = Measure(legalBasis: .section47, kind: "Anbringelse i plejefamilie", provider: "Plejefamilien Jensen",
                                reason: "Alvorlig omsorgssvigt", startDate: day("2024-02-20"), endDate: nil, monthlyCost: 35_000)
        #expect(throws: CaseFlowError.blocked(.childPlanMissing)) {
            try builder.record(.measure(placement))
        }
        try builder.record(.childPlan(ChildPlan(madeAt: dk("2024-02-10 10:00"), goals: [.init(description: "Tryg hverdag")], childInvolved: true, parentsInvolved: false)))
        try builder.record(.measure(placement))
        #expect(builder.file.measures.count == 1)
    }

    @Test func aMeasureCannotStartBeforeItWasGranted() throws {
        var builder = CaseBuilder()
        try builder.decidedForMeasures()
        #expect(throws: CaseFlowError.invalid("startDate", .startBeforeGrant(day("2024-02-05")))) {
            try builder.record(.measure(supportMeasure(from: "2024-02-04")))
        }
    }

    @Test func aDecisionNeedsTheChildHeard() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-01-02 09:00")
        for section in ChildInvestigation.Section.allCases {
            try builder.record(.investigationSection(InvestigationSectionText(section: section, text: "Tekst", writtenAt: dk("2024-01-20 10:00"))))
        }
        try builder.record(.investigationCompletion(.init(completedAt: dk("2024-01-25 10:00"), conclusion: "Afsluttet")))
        #expect(builder.file.availability(of: .decision) == .childConversationMissing)
        #expect(throws: CaseFlowError.blocked(.childConversationMissing)) {
            try builder.record(.decision(Decision(decidedAt: dk("2024-01-26 10:00"), outcome: .noMeasures, reasoning: "Ingen")))
        }
        try builder.record(.childConversation(ChildConversation(heldAt: dk("2024-01-27 10:00"), summary: "Barnet er tryg i skolen.")))
        // A decision cannot rely on a conversation held after it.
        #expect(throws: CaseFlowError.invalid("decidedAt", .before(.childConversation))) {
            try builder.record(.decision(Decision(decidedAt: dk("2024-01-26 12:00"), outcome: .noMeasures, reasoning: "Ingen")))
        }
        try builder.record(.decision(Decision(decidedAt: dk("2024-01-27 12:00"), outcome: .noMeasures, reasoning: "Ingen")))
    }

    @Test func anInvestigationCompletesOnlyWithEveryICSSection() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-01-02 09:00")
        try builder.record(.investigationSection(InvestigationSectionText(section: .childDevelopment, text: "Tekst", writtenAt: dk("2024-01-20 10:00"))))
        #expect(throws: CaseFlowError.blocked(.sectionsMissing([.parentingCapacity, .familyAndEnvironment]))) {
            try builder.record(.investigationCompletion(.init(completedAt: dk("2024-01-25 10:00"), conclusion: "Afsluttet")))
        }
    }

    @Test func invalidDataNamesTheField() throws {
        var builder = CaseBuilder()
        builder.now = dk("2024-01-02 12:00")
        let future = ReportOfConcern(notifier: professional, receivedAt: dk("2024-01-03 12:00"), description: "x")
        #expect(throws: CaseFlowError.invalid("receivedAt", .inFuture)) {
            try builder.record(.report(future))
        }
        let anonymous = ReportOfConcern(notifier: .init(kind: .anonymous, name: "Peter", organisation: nil, email: nil), receivedAt: dk("2024-01-02 09:00"), description: "x")
        #expect(throws: CaseFlowError.self) { try builder.record(.report(anonymous)) }
        let blank = ReportOfConcern(notifier: professional, receivedAt: dk("2024-01-02 09:00"), description: "  ")
        #expect(throws: CaseFlowError.invalid("description", .empty)) {
            try builder.record(.report(blank))
        }
        let report = try builder.reported(at: "2024-01-02 09:00")
        #expect(throws: CaseFlowError.invalid("assessedAt", .before(.reportReceived))) {
            try builder.record(.urgentAssessment(UrgentAssessment(reportID: report, assessedAt: dk("2024-01-02 08:00"), childAtImmediateRisk: false, note: "x")))
        }
    }
}
