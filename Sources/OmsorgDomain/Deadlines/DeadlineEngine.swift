import Foundation

/// Computes every deadline of a case from its facts. Deadlines are never stored as facts of their
/// own, so a corrected or added step recomputes them all.
public enum DeadlineEngine {
    public static func deadlines(for file: CaseFile) -> [Deadline] {
        let all = reportDeadlines(file) + investigationDeadline(file) + childPlanDeadline(file) + followUpDeadlines(file)
        guard let closedAt = file.closure?.closedAt else { return all }
        // After closure nothing more falls due, but a receipt is still owed and a missed deadline stays missed.
        return all.filter { $0.metAt != nil || $0.dueAt <= closedAt || $0.kind == .notifierReceipt }
    }

    static func reportDeadlines(_ file: CaseFile) -> [Deadline] {
        file.reports.flatMap { report -> [Deadline] in
            var result = [Deadline(kind: .urgentAssessment, reportID: report.id,
                                   dueAt: report.receivedAt.addingTimeInterval(24 * 3600),
                                   metAt: file.urgentAssessments[report.id]?.assessedAt)]
            if report.notifier.kind == .professional {
                let due = DanishCalendar.addingWorkingDays(6, to: LocalDate(report.receivedAt))
                result.append(Deadline(kind: .notifierReceipt, reportID: report.id, dueDate: due,
                                       metAt: file.receipts[report.id]?.sentAt))
            }
            return result
        }
    }

    static func investigationDeadline(_ file: CaseFile) -> [Deadline] {
        guard let investigation = file.investigation else { return [] }
        return [Deadline(kind: .investigation, dueDate: investigation.dueDate, metAt: investigation.completion?.completedAt)]
    }

    static func childPlanDeadline(_ file: CaseFile) -> [Deadline] {
        guard let firstStart = file.measures.map(\.startDate).min() else { return [] }
        return [Deadline(kind: .childPlan, dueDate: firstStart.addingMonths(3), metAt: file.firstPlanMadeAt)]
    }

    /// The first follow-up falls 3 months after the first measure starts, or at the end of the
    /// investigation if the measure started while it was running and it ends sooner; each later one
    /// falls the case's cadence after the previous follow-up, for as long as a measure runs.
    static func followUpDeadlines(_ file: CaseFile) -> [Deadline] {
        guard let firstStart = file.measures.map(\.startDate).min() else { return [] }
        var due = firstStart.addingMonths(3)
        if let investigation = file.investigation {
            let end = investigation.completion.map { LocalDate($0.completedAt) } ?? investigation.dueDate
            if firstStart < end { due = min(due, end) }
        }
        var result: [Deadline] = []
        for followUp in file.followUps.sorted(by: { $0.heldAt < $1.heldAt }) {
            result.append(Deadline(kind: .followUp, dueDate: due, metAt: followUp.heldAt))
            due = LocalDate(followUp.heldAt).addingMonths(file.followUpCadenceMonths)
        }
        let allEnded = file.measures.allSatisfy { $0.endDate != nil }
        let lastEnd = file.measures.compactMap(\.endDate).max()
        if !(allEnded && lastEnd.map { due > $0 } == true) {
            result.append(Deadline(kind: .followUp, dueDate: due, metAt: nil))
        }
        return result
    }
}
