import Foundation
import OmsorgDomain
import OmsorgStore

extension CasePage {
    /// When a recorded step happened: its own time where it has one, else when it was recorded.
    static func time(of entry: JournalEntry) -> Date { entry.step.occurredAt ?? entry.recordedAt }

    /// What the timeline shows of a step: its texts and choices, by the catalogue key of their label.
    static func details(of step: CaseStep, plan: ChildPlan?, texts: Texts) -> [(label: String, value: String)] {
        func choice(_ field: String, _ value: String) -> String { texts("choice.\(field).\(value)") }
        func yesNo(_ value: Bool) -> String { texts(value ? "common.yes" : "common.no") }
        switch step {
        case .report(let report):
            let notifier = [report.notifier.name, report.notifier.organisation].compactMap { $0 }.joined(separator: ", ")
            return [(texts("field.notifierKind"), choice("notifierKind", report.notifier.kind.rawValue)),
                    (texts("field.notifier"), notifier.isEmpty ? texts("common.none") : notifier),
                    (texts("field.description"), report.description)]
        case .urgentAssessment(let a):
            return [(texts("field.childAtImmediateRisk"), yesNo(a.childAtImmediateRisk)), (texts("field.note"), a.note)]
        case .notifierReceipt:
            return []
        case .preliminaryAssessment(let a):
            return [(texts("field.outcome"), choice("outcome", a.outcome.rawValue)), (texts("step.preliminary-assessment.text"), a.text)]
        case .investigation(let i):
            return [(texts("case.investigation-due"), texts.date(i.dueDate))]
        case .investigationSection(let s):
            return [(choice("section", s.section.rawValue), s.text)]
        case .childConversation(let c):
            return [(texts("field.summary"), c.summary)]
        case .consent(let c):
            return [(texts("field.givenBy"), c.givenBy), (texts("field.scope"), choice("scope", c.scope.rawValue))]
        case .investigationCompletion(let c):
            return [(texts("field.conclusion"), c.conclusion)]
        case .decision(let d):
            return [(texts("step.decision.outcome"), choice("outcome", d.outcome.rawValue)), (texts("field.reasoning"), d.reasoning)]
        case .childPlan(let p):
            return p.goals.enumerated().map { (texts("case.goal", ["number": String($0.offset + 1)]), $0.element.description) }
                + [(texts("field.childInvolved"), yesNo(p.childInvolved)), (texts("field.parentsInvolved"), yesNo(p.parentsInvolved))]
        case .measure(let m):
            return [(texts("field.legalBasis"), m.legalBasis.rawValue), (texts("field.kind"), m.kind), (texts("field.provider"), m.provider),
                    (texts("field.reason"), m.reason), (texts("field.startDate"), texts.date(m.startDate)),
                    (texts("field.monthlyCost"), texts("case.kroner", ["amount": m.monthlyCost.formatted(.number.grouping(.automatic).locale(Locale(identifier: "da_DK")))]))]
        case .measureEnd(let e):
            return [(texts("field.endDate"), texts.date(e.endDate))]
        case .followUp(let f):
            return [(texts("field.status"), f.status), (texts("field.childConversation"), f.childConversation)]
                + f.goalAttainment.map { rating in
                    let goal = plan?.goals.first { $0.id == rating.goalID }?.description ?? texts("case.earlier-goal")
                    return (goal, choice("attainment", rating.attainment.rawValue))
                }
        case .followUpCadence(let months):
            return [(texts("field.months"), String(months))]
        case .closure(let c):
            return [(texts("field.reason"), c.reason)]
        }
    }
}
