import Foundation
import OmsorgDetection
import OmsorgDomain

/// The steps of one demo case, taken as far as its target stage, at plausible past times.
struct DemoCase {
    enum Target: CaseIterable {
        case intake, investigation, decision, measures, measuresWithOverdueFollowUp, readyToClose, closed
    }

    let target: Target
    let now: Date
    let start: Date
    let notifier: ReportOfConcern.Notifier
    private let reportID = ReportOfConcern.ID()

    init(target: Target, now: Date, random: inout SeededRandom) {
        self.target = target
        self.now = now
        let daysAgo: ClosedRange<Double> = switch target {
        case .intake: 0.2...4
        case .investigation: 20...170
        case .decision: 110...200
        case .measures, .measuresWithOverdueFollowUp: 150...500
        case .readyToClose, .closed: 300...700
        }
        start = now.addingTimeInterval(-Double.random(in: daysAgo, using: &random) * 86400)
        notifier = random.pick([
            .init(kind: .professional, name: "Demo Lærer", organisation: "Skovbrynet Skole", email: "laerer@example.invalid"),
            .init(kind: .professional, name: "Demo Sundhedsplejerske", organisation: "Sundhedsplejen", email: nil),
            .init(kind: .private, name: "Demo Nabo", organisation: nil, email: nil),
            .init(kind: .anonymous, name: nil, organisation: nil, email: nil),
        ])
    }

    func report() -> ReportOfConcern {
        ReportOfConcern(id: reportID, notifier: notifier, receivedAt: start,
                        description: "Barnet virker træt og sulten og har meget fravær. (Syntetisk demo-data.)")
    }

    private func at(_ days: Double) -> Date { min(start.addingTimeInterval(days * 86400), now) }

    mutating func laterSteps(random: inout SeededRandom) -> [CaseStep] {
        var steps: [CaseStep] = []
        // Some fresh reports are left waiting, so the worktray shows urgent and overdue assessments.
        if target == .intake && random.chance(0.5) { return steps }
        steps.append(.urgentAssessment(UrgentAssessment(reportID: reportID, assessedAt: at(0.1), childAtImmediateRisk: false,
                                                        note: "Ingen akut fare for barnet.")))
        if notifier.kind != .anonymous && (target != .intake || random.chance(0.3)) {
            steps.append(.notifierReceipt(NotifierReceipt(reportID: reportID, sentAt: at(3))))
        }
        if target == .intake { return steps }
        let investigate = target != .readyToClose || random.chance(0.5)
        steps.append(.preliminaryAssessment(PreliminaryAssessment(assessedAt: at(5), text: "Bekymringen vurderes at kræve en undersøgelse.",
                                                                  outcome: investigate ? .investigate : .noFurtherAction)))
        guard investigate else { return steps }
        steps.append(.investigation(ChildInvestigation(decidedAt: at(7))))
        let sections = ChildInvestigation.Section.allCases
        let written = target == .investigation ? Int.random(in: 0...2, using: &random) : sections.count
        for section in sections.prefix(written) {
            steps.append(.investigationSection(InvestigationSectionText(section: section, text: "ICS-beskrivelse (demo).", writtenAt: at(30))))
        }
        if target == .investigation { return steps }
        let completedDay = Double.random(in: 40...120, using: &random)
        steps.append(.childConversation(ChildConversation(heldAt: at(35), summary: "Barnet fortæller om hverdagen hjemme og i skolen.")))
        steps.append(.investigationCompletion(.init(completedAt: at(completedDay), conclusion: "Barnet har behov for støtte.")))
        if target == .decision { return steps }
        let grant = target != .readyToClose
        steps.append(.decision(Decision(decidedAt: at(completedDay + 3), outcome: grant ? .measures : .noMeasures, reasoning: "Begrundelse (demo).")))
        guard grant else { return steps }
        steps += measureSteps(from: completedDay + 5, random: &random)
        return steps
    }

    private func measureSteps(from day: Double, random: inout SeededRandom) -> [CaseStep] {
        let goal = ChildPlan.Goal(description: "Barnet kommer i skole hver dag")
        let measure = Measure(legalBasis: .section32, kind: random.pick(["Familiebehandling", "Kontaktperson", "Aflastning"]),
                              provider: "Familiehuset (demo)", reason: "Styrke forældrenes omsorg", startDate: LocalDate(at(day + 5)),
                              endDate: nil, monthlyCost: random.pick([4_500, 9_000, 14_000, 22_000]))
        var steps: [CaseStep] = [
            .consent(Consent(givenBy: "Forælder med forældremyndighed", scope: .measures, givenAt: at(day))),
            .childPlan(ChildPlan(madeAt: at(day + 2), goals: [goal], childInvolved: true, parentsInvolved: true)),
            .measure(measure),
        ]
        var followUpDay = day + 5 + 85
        let lastAllowed = now.timeIntervalSince(start) / 86400 - (target == .measuresWithOverdueFollowUp ? 200 : 1)
        while followUpDay < lastAllowed {
            steps.append(.followUp(FollowUp(heldAt: at(followUpDay), status: "Fremgang i hverdagen.", childConversation: "Barnet er glad for kontaktpersonen.",
                                            goalAttainment: [.init(goalID: goal.id, attainment: random.pick(FollowUp.Attainment.allCases))])))
            followUpDay += 180
        }
        if target == .closed {
            let end = max(LocalDate(at(followUpDay - 170)), measure.startDate)
            steps.append(.measureEnd(MeasureEnd(measureID: measure.id, endDate: end)))
            steps.append(.closure(Closure(closedAt: min(max(at(followUpDay - 160), end.endOfDay), now), reason: "Målene er nået.")))
        }
        return steps
    }
}
