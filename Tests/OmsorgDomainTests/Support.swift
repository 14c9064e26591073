import Foundation
@testable import OmsorgDomain

/// An instant in Danish local time, for readable fixed clocks in tests.
func dk(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = DanishTime.zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}

func day(_ text: String) -> LocalDate { try! LocalDate(iso: text) }

let professional = ReportOfConcern.Notifier(kind: .professional, name: "Lærer Hansen", organisation: "Byskolen", email: nil)

/// Builds a case step by step through the real rules, as a caseworker would.
struct CaseBuilder {
    var file = CaseFile(id: CaseFile.ID())
    var now = dk("2030-01-01 00:00")

    @discardableResult
    mutating func record(_ step: CaseStep) throws -> CaseFile {
        try file.record(step, now: now)
        return file
    }

    mutating func reported(at time: String, notifier: ReportOfConcern.Notifier = professional) throws -> ReportOfConcern.ID {
        let report = ReportOfConcern(notifier: notifier, receivedAt: dk(time), description: "Barnet kommer sultent i skole.")
        try record(.report(report))
        return report.id
    }

    mutating func investigating(from time: String) throws {
        let report = try reported(at: time)
        let start = dk(time)
        try record(.urgentAssessment(UrgentAssessment(reportID: report, assessedAt: start.addingTimeInterval(3600), childAtImmediateRisk: false, note: "Ikke akut fare.")))
        try record(.preliminaryAssessment(PreliminaryAssessment(assessedAt: start.addingTimeInterval(86400), text: "Bekymring bekræftet.", outcome: .investigate)))
        try record(.investigation(ChildInvestigation(decidedAt: start.addingTimeInterval(2 * 86400))))
    }

    mutating func completeInvestigation(at time: String) throws {
        for section in ChildInvestigation.Section.allCases {
            try record(.investigationSection(InvestigationSectionText(section: section, text: "Beskrivelse.", writtenAt: dk(time))))
        }
        try record(.childConversation(ChildConversation(heldAt: dk(time), summary: "Barnet fortæller om skolen.")))
        try record(.investigationCompletion(.init(completedAt: dk(time), conclusion: "Behov for støtte.")))
    }

    /// A case whose investigation ended with a decision on 2024-02-05 granting measures, with the
    /// custody holders' consent the next day.
    mutating func decidedForMeasures() throws {
        try investigating(from: "2024-01-02 09:00")
        try completeInvestigation(at: "2024-02-01 10:00")
        try record(.decision(Decision(decidedAt: dk("2024-02-05 10:00"), outcome: .measures, reasoning: "Støtte.")))
        try grantConsent(at: "2024-02-06 10:00")
    }

    mutating func grantConsent(at time: String) throws {
        try record(.consent(Consent(givenBy: "Mor", scope: .measures, givenAt: dk(time))))
    }

    func deadlines(_ kind: Deadline.Kind) -> [Deadline] {
        DeadlineEngine.deadlines(for: file).filter { $0.kind == kind }
    }
}

func supportMeasure(from start: String, to end: String? = nil) -> Measure {
    Measure(legalBasis: .section32, kind: "Familiebehandling", provider: "Familiehuset", reason: "Styrke forældrekompetencen",
            startDate: day(start), endDate: end.map(day), monthlyCost: 12_000)
}
