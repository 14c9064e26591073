import Foundation
import Testing
@testable import OmsorgDomain

@Suite("Deadline engine")
struct DeadlineEngineTests {
    @Test func urgentAssessmentIsTwentyFourClockHoursEvenAcrossDaylightSaving() throws {
        var builder = CaseBuilder()
        _ = try builder.reported(at: "2024-03-30 23:30") // clocks go forward the next night
        let deadline = try #require(builder.deadlines(.urgentAssessment).first)
        #expect(deadline.dueAt.timeIntervalSince(dk("2024-03-30 23:30")) == 24 * 3600)
        #expect(deadline.status(at: dk("2024-03-31 12:00")) == .open)
        #expect(deadline.status(at: dk("2024-04-01 01:00")) == .overdue)
    }

    @Test func receiptIsOwedToProfessionalNotifiersOnly() throws {
        var builder = CaseBuilder()
        _ = try builder.reported(at: "2024-03-27 10:00")
        _ = try builder.reported(at: "2024-03-27 11:00", notifier: .init(kind: .private, name: "Nabo", organisation: nil, email: nil))
        _ = try builder.reported(at: "2024-03-27 12:00", notifier: .init(kind: .anonymous, name: nil, organisation: nil, email: nil))
        let receipts = builder.deadlines(.notifierReceipt)
        #expect(receipts.count == 1)
        #expect(LocalDate(receipts[0].dueAt) == day("2024-04-09")) // across Easter 2024
        #expect(builder.deadlines(.urgentAssessment).count == 3)
    }

    @Test func receiptDeadlineIsMetWhenSent() throws {
        var builder = CaseBuilder()
        let report = try builder.reported(at: "2024-05-17 09:00")
        try builder.record(.notifierReceipt(NotifierReceipt(reportID: report, sentAt: dk("2024-05-28 15:00"))))
        let deadline = try #require(builder.deadlines(.notifierReceipt).first)
        #expect(LocalDate(deadline.dueAt) == day("2024-05-28")) // across Whit Monday
        #expect(deadline.status(at: dk("2024-06-30 00:00")) == .met)
        #expect(deadline.metInTime == true)
    }

    @Test func investigationIsDueFourMonthsAfterItIsDecidedClampedToMonthEnd() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-10-29 09:00") // decided two days later, 31 October
        let deadline = try #require(builder.deadlines(.investigation).first)
        #expect(LocalDate(deadline.dueAt) == day("2025-02-28"))
        #expect(deadline.status(at: dk("2025-02-28 23:00")) == .open)
        #expect(deadline.status(at: dk("2025-03-01 00:01")) == .overdue)
        try builder.completeInvestigation(at: "2025-03-03 10:00")
        let met = try #require(builder.deadlines(.investigation).first)
        #expect(met.status(at: dk("2025-04-01 00:00")) == .met)
        #expect(met.metInTime == false)
    }

    @Test func childPlanAndFirstFollowUpThreeMonthsAfterTheFirstMeasure() throws {
        var builder = CaseBuilder()
        try builder.decidedForMeasures()
        try builder.record(.measure(supportMeasure(from: "2024-02-15")))
        #expect(builder.deadlines(.childPlan).map { LocalDate($0.dueAt) } == [day("2024-05-15")])
        #expect(builder.deadlines(.followUp).map { LocalDate($0.dueAt) } == [day("2024-05-15")])
    }

    @Test func followUpFallsAtTheInvestigationsEndWhenAMeasureStartedDuringIt() throws {
        var builder = CaseBuilder()
        try builder.investigating(from: "2024-01-08 09:00") // decided 10 January, due 10 May
        try builder.grantConsent(at: "2024-02-20 10:00")
        try builder.record(.measure(supportMeasure(from: "2024-03-01"))) // 3 months: 1 June
        #expect(builder.deadlines(.followUp).map { LocalDate($0.dueAt) } == [day("2024-05-10")])
    }

    @Test func laterFollowUpsFollowTheRecordedCadence() throws {
        var builder = CaseBuilder()
        try builder.decidedForMeasures()
        try builder.record(.measure(supportMeasure(from: "2024-02-15")))
        try builder.record(.followUp(FollowUp(heldAt: dk("2024-05-10 10:00"), status: "Fremgang.", childConversation: "Glad.", goalAttainment: [])))
        var dues = builder.deadlines(.followUp).map { LocalDate($0.dueAt) }
        #expect(dues == [day("2024-05-15"), day("2024-11-10")])
        try builder.record(.followUpCadence(months: 3))
        dues = builder.deadlines(.followUp).map { LocalDate($0.dueAt) }
        #expect(dues == [day("2024-05-15"), day("2024-08-10")])
        #expect(builder.deadlines(.followUp)[0].metInTime == true)
    }

    @Test func noFollowUpIsDueAfterTheLastMeasureHasEnded() throws {
        var builder = CaseBuilder()
        try builder.decidedForMeasures()
        try builder.record(.measure(supportMeasure(from: "2024-02-15", to: "2024-04-30")))
        #expect(builder.deadlines(.followUp).isEmpty)
    }

    @Test func dueSoonWithinThreeWorkingDays() {
        let deadline = Deadline(kind: .investigation, dueAt: dk("2024-06-10 23:59"), metAt: nil)
        #expect(deadline.isDueSoon(at: dk("2024-06-08 12:00")))
        // Thursday before: Friday, Monday and Tuesday are the next three working days.
        #expect(deadline.isDueSoon(at: dk("2024-06-06 12:00")))
        // Monday the 3rd: Tuesday, Thursday (Wednesday is Constitution Day) and Friday.
        #expect(!deadline.isDueSoon(at: dk("2024-06-03 12:00")))
        #expect(!deadline.isDueSoon(at: dk("2024-06-01 12:00")))
        #expect(!deadline.isDueSoon(at: dk("2024-06-11 12:00")))
    }
}
