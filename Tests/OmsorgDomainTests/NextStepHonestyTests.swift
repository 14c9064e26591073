import Foundation
@testable import OmsorgDomain
import Testing

/// The next steps are honest: in every state of a case, a step the domain offers is accepted with
/// valid data, and a step it does not offer is refused for exactly the reason it gives.
@Suite("Next steps")
struct NextStepHonestyTests {
    /// Cases in the states a caseworker meets, from a fresh report to closure.
    static let states: [(String, @Sendable (inout CaseBuilder) throws -> Void)] = [
        ("fresh report", { _ = try $0.reported(at: "2024-01-02 09:00") }),
        ("urgent assessment made", { b in
            let report = try b.reported(at: "2024-01-02 09:00")
            try b.record(.urgentAssessment(UrgentAssessment(reportID: report, assessedAt: dk("2024-01-02 10:00"), childAtImmediateRisk: false, note: "OK")))
        }),
        ("no further action", { b in
            let report = try b.reported(at: "2024-01-02 09:00")
            try b.record(.urgentAssessment(UrgentAssessment(reportID: report, assessedAt: dk("2024-01-02 10:00"), childAtImmediateRisk: false, note: "OK")))
            try b.record(.preliminaryAssessment(PreliminaryAssessment(assessedAt: dk("2024-01-03 10:00"), text: "Ingen grund.", outcome: .noFurtherAction)))
        }),
        ("investigation without sections", { try $0.investigating(from: "2024-01-02 09:00") }),
        ("sections written, child not heard", { b in
            try b.investigating(from: "2024-01-02 09:00")
            for section in ChildInvestigation.Section.allCases {
                try b.record(.investigationSection(InvestigationSectionText(section: section, text: "Tekst", writtenAt: dk("2024-01-20 10:00"))))
            }
        }),
        ("investigation completed", { b in
            try b.investigating(from: "2024-01-02 09:00")
            try b.completeInvestigation(at: "2024-02-01 10:00")
        }),
        ("measures decided, no consent", { b in
            try b.investigating(from: "2024-01-02 09:00")
            try b.completeInvestigation(at: "2024-02-01 10:00")
            try b.record(.decision(Decision(decidedAt: dk("2024-02-05 10:00"), outcome: .measures, reasoning: "Støtte.")))
        }),
        ("measures decided with consent", { try $0.decidedForMeasures() }),
        ("measure running", { b in
            try b.decidedForMeasures()
            try b.record(.childPlan(ChildPlan(madeAt: dk("2024-02-07 10:00"), goals: [.init(description: "Skole")], childInvolved: true, parentsInvolved: true)))
            try b.record(.measure(supportMeasure(from: "2024-02-10")))
        }),
        ("measure ended", { b in
            try b.decidedForMeasures()
            try b.record(.measure(supportMeasure(from: "2024-02-10", to: "2024-05-01")))
        }),
        ("closed", { b in
            try b.decidedForMeasures()
            try b.record(.measure(supportMeasure(from: "2024-02-10", to: "2024-05-01")))
            try b.record(.closure(Closure(closedAt: dk("2024-05-02 10:00"), reason: "Målene er nået.")))
        }),
    ]

    @Test(arguments: states.map(\.0))
    func offeredStepsAreAcceptedAndOthersRefusedForTheGivenReason(state: String) throws {
        var builder = CaseBuilder()
        try Self.states.first { $0.0 == state }!.1(&builder)
        let file = builder.file
        let at = dk("2029-06-01 10:00")
        for kind in CaseStep.Kind.allCases {
            var attempt = file
            let availability = file.availability(of: kind)
            do {
                try attempt.record(Self.validStep(kind, for: file, at: at), now: builder.now)
                #expect(availability == nil, "\(state): \(kind) was accepted though it waits for \(String(describing: availability))")
            } catch {
                #expect(availability != nil, "\(state): \(kind) was offered but refused: \(error.message)")
                if let availability { #expect(error.blocker == availability, "\(state): \(kind) refused for \(error.message)") }
            }
            #expect(file.allowedSteps.contains(kind) == (availability == nil))
        }
        for blocked in file.blockedSteps {
            #expect(file.availability(of: blocked.kind) == blocked.blocker)
        }
    }

    @Test func aCompletionCannotPredateTheSectionsItCompletes() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-01-02 09:00")
        for section in ChildInvestigation.Section.allCases {
            try builder.record(.investigationSection(InvestigationSectionText(section: section, text: "Tekst", writtenAt: dk("2024-01-20 10:00"))))
        }
        #expect(throws: CaseFlowError.invalid("completedAt", .before(.latestSection))) {
            try builder.record(.investigationCompletion(.init(completedAt: dk("2024-01-19 10:00"), conclusion: "Afsluttet")))
        }
        try builder.record(.investigationCompletion(.init(completedAt: dk("2024-01-20 10:00"), conclusion: "Afsluttet")))
    }

    @Test func aMeasureNeedingConsentCannotStartBeforeIt() throws {
        var builder = CaseBuilder()
        try builder.decidedForMeasures() // consent on 2024-02-06
        #expect(throws: CaseFlowError.invalid("startDate", .startBeforeConsent(day("2024-02-06")))) {
            try builder.record(.measure(supportMeasure(from: "2024-02-05")))
        }
        try builder.record(.measure(supportMeasure(from: "2024-02-06")))
    }

    @Test func theMeasureFormOffersOnlyTheLegalBasesThatWouldBeAccepted() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-01-02 09:00")
        try builder.completeInvestigation(at: "2024-02-01 10:00")
        try builder.record(.decision(Decision(decidedAt: dk("2024-02-05 10:00"), outcome: .measures, reasoning: "Støtte.")))
        #expect(builder.file.availability(of: .section32) == .consentMissing(.section32))
        #expect(builder.file.availability(of: .section47) == .childPlanMissing)
        #expect(builder.file.availability(of: .measure) == .consentMissing(.section32))
        try builder.grantConsent(at: "2024-02-06 10:00")
        #expect(builder.file.availability(of: .section32) == nil)
        #expect(builder.file.availability(of: .section47) == .childPlanMissing)
        #expect(builder.file.availability(of: .measure) == nil)
    }

    /// A step of `kind` whose own data is right for `file`, at a time after everything in it.
    static func validStep(_ kind: CaseStep.Kind, for file: CaseFile, at time: Date) -> CaseStep {
        let report = (file.reportsAwaitingUrgentAssessment.first ?? file.reports.first)?.id ?? .init()
        switch kind {
        case .report:
            return .report(ReportOfConcern(notifier: professional, receivedAt: time, description: "Ny bekymring."))
        case .urgentAssessment:
            return .urgentAssessment(UrgentAssessment(reportID: report, assessedAt: time, childAtImmediateRisk: false, note: "OK"))
        case .notifierReceipt:
            return .notifierReceipt(NotifierReceipt(reportID: (file.reportsAwaitingReceipt.first ?? file.reports.first)?.id ?? .init(), sentAt: time))
        case .preliminaryAssessment:
            return .preliminaryAssessment(PreliminaryAssessment(assessedAt: time, text: "Vurdering.", outcome: .investigate))
        case .investigation:
            return .investigation(ChildInvestigation(decidedAt: time))
        case .investigationSection:
            let section = file.investigation?.missingSections.first ?? .childDevelopment
            return .investigationSection(InvestigationSectionText(section: section, text: "Tekst.", writtenAt: time))
        case .childConversation:
            return .childConversation(ChildConversation(heldAt: time, summary: "Barnets ord."))
        case .consent:
            return .consent(Consent(givenBy: "Mor", scope: .measures, givenAt: time))
        case .investigationCompletion:
            return .investigationCompletion(.init(completedAt: time, conclusion: "Konklusion."))
        case .decision:
            return .decision(Decision(decidedAt: time, outcome: .measures, reasoning: "Begrundelse."))
        case .childPlan:
            return .childPlan(ChildPlan(madeAt: time, goals: [.init(description: "Mål")], childInvolved: true, parentsInvolved: true))
        case .measure:
            let basis = Measure.LegalBasis.allCases.first { file.availability(of: $0) == nil } ?? .section32
            return .measure(Measure(legalBasis: basis, kind: "Kontaktperson", provider: "Huset", reason: "Støtte", startDate: LocalDate(time),
                                    endDate: nil, monthlyCost: 1_000))
        case .measureEnd:
            let measure = (file.runningMeasures.first ?? file.measures.first)?.id ?? .init()
            return .measureEnd(MeasureEnd(measureID: measure, endDate: LocalDate(time)))
        case .followUp:
            return .followUp(FollowUp(heldAt: time, status: "Status.", childConversation: "Barnets ord.", goalAttainment: []))
        case .followUpCadence:
            return .followUpCadence(months: 6)
        case .closure:
            return .closure(Closure(closedAt: time, reason: "Afsluttet."))
        }
    }
}
