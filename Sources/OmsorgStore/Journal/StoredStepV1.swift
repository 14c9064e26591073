import Foundation
import OmsorgDomain

/// Format 1 of a stored step: the JSON the journal was first written in, pinned here field by field
/// so that no rename in the domain changes what is written or read. Each step is an object with one
/// key, the step's name, holding `{"_0": …}` (or the cadence's `{"months": …}`). Instants are
/// seconds since 2001-01-01 UTC, days are `YYYY-MM-DD`, identifiers upper-case UUIDs, and an
/// investigation's sections a flat list of section, text, section, text.
///
/// Never change a name or a meaning here: a new format gets a new type, and this one stays to read
/// what was written in it.
enum StoredStepV1 {
    static func encode(_ step: CaseStep) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(Step(step))
    }

    static func decode(_ payload: Data) throws -> CaseStep {
        try JSONDecoder().decode(Step.self, from: payload).domain()
    }

    /// One key per step kind; exactly one is present.
    struct Step: Codable {
        var report: Unlabeled<Report>?
        var urgentAssessment: Unlabeled<UrgentAssessment>?
        var notifierReceipt: Unlabeled<NotifierReceipt>?
        var preliminaryAssessment: Unlabeled<PreliminaryAssessment>?
        var investigation: Unlabeled<Investigation>?
        var investigationSection: Unlabeled<SectionText>?
        var childConversation: Unlabeled<ChildConversation>?
        var consent: Unlabeled<Consent>?
        var investigationCompletion: Unlabeled<Completion>?
        var decision: Unlabeled<Decision>?
        var childPlan: Unlabeled<ChildPlan>?
        var measure: Unlabeled<Measure>?
        var measureEnd: Unlabeled<MeasureEnd>?
        var followUp: Unlabeled<FollowUp>?
        var followUpCadence: Cadence?
        var closure: Unlabeled<Closure>?

        init(_ step: CaseStep) {
            switch step {
            case .report(let r): report = .init(Report(r))
            case .urgentAssessment(let a): urgentAssessment = .init(UrgentAssessment(reportID: a.reportID.rawValue, assessedAt: instant(a.assessedAt),
                                                                                     childAtImmediateRisk: a.childAtImmediateRisk, note: a.note))
            case .notifierReceipt(let r): notifierReceipt = .init(NotifierReceipt(reportID: r.reportID.rawValue, sentAt: instant(r.sentAt)))
            case .preliminaryAssessment(let a): preliminaryAssessment = .init(PreliminaryAssessment(assessedAt: instant(a.assessedAt), text: a.text,
                                                                                                    outcome: a.outcome.rawValue))
            case .investigation(let i): investigation = .init(Investigation(i))
            case .investigationSection(let s): investigationSection = .init(SectionText(section: s.section.rawValue, text: s.text, writtenAt: instant(s.writtenAt)))
            case .childConversation(let c): childConversation = .init(ChildConversation(id: c.id.rawValue, heldAt: instant(c.heldAt), summary: c.summary))
            case .consent(let c): consent = .init(Consent(givenBy: c.givenBy, scope: c.scope.rawValue, givenAt: instant(c.givenAt)))
            case .investigationCompletion(let c): investigationCompletion = .init(Completion(c))
            case .decision(let d): decision = .init(Decision(decidedAt: instant(d.decidedAt), outcome: d.outcome.rawValue, reasoning: d.reasoning))
            case .childPlan(let p): childPlan = .init(ChildPlan(p))
            case .measure(let m): measure = .init(Measure(m))
            case .measureEnd(let e): measureEnd = .init(MeasureEnd(measureID: e.measureID.rawValue, endDate: e.endDate.description))
            case .followUp(let f): followUp = .init(FollowUp(f))
            case .followUpCadence(let months): followUpCadence = Cadence(months: months)
            case .closure(let c): closure = .init(Closure(closedAt: instant(c.closedAt), reason: c.reason))
            }
        }

        func domain() throws -> CaseStep {
            let steps: [CaseStep?] = [
                try report.map { .report(try $0._0.domain()) },
                try urgentAssessment.map { a in .urgentAssessment(OmsorgDomain.UrgentAssessment(
                    reportID: .init(a._0.reportID), assessedAt: date(a._0.assessedAt), childAtImmediateRisk: a._0.childAtImmediateRisk, note: a._0.note)) },
                notifierReceipt.map { .notifierReceipt(OmsorgDomain.NotifierReceipt(reportID: .init($0._0.reportID), sentAt: date($0._0.sentAt))) },
                try preliminaryAssessment.map { a in .preliminaryAssessment(OmsorgDomain.PreliminaryAssessment(
                    assessedAt: date(a._0.assessedAt), text: a._0.text, outcome: try value(a._0.outcome, "outcome"))) },
                try investigation.map { .investigation(try $0._0.domain()) },
                try investigationSection.map { s in .investigationSection(InvestigationSectionText(
                    section: try value(s._0.section, "section"), text: s._0.text, writtenAt: date(s._0.writtenAt))) },
                childConversation.map { c in .childConversation(OmsorgDomain.ChildConversation(id: .init(c._0.id), heldAt: date(c._0.heldAt), summary: c._0.summary)) },
                try consent.map { c in .consent(OmsorgDomain.Consent(givenBy: c._0.givenBy, scope: try value(c._0.scope, "scope"), givenAt: date(c._0.givenAt))) },
                investigationCompletion.map { .investigationCompletion($0._0.domain()) },
                try decision.map { d in .decision(OmsorgDomain.Decision(decidedAt: date(d._0.decidedAt), outcome: try value(d._0.outcome, "outcome"),
                                                                        reasoning: d._0.reasoning)) },
                childPlan.map { .childPlan($0._0.domain()) },
                try measure.map { .measure(try $0._0.domain()) },
                try measureEnd.map { e in .measureEnd(OmsorgDomain.MeasureEnd(measureID: .init(e._0.measureID), endDate: try day(e._0.endDate, "endDate"))) },
                try followUp.map { .followUp(try $0._0.domain()) },
                followUpCadence.map { .followUpCadence(months: $0.months) },
                closure.map { .closure(OmsorgDomain.Closure(closedAt: date($0._0.closedAt), reason: $0._0.reason)) },
            ]
            let present = steps.compactMap { $0 }
            guard present.count == 1 else { throw StoredStep.Unreadable.kinds(present.count) }
            return present[0]
        }
    }

    /// How an enum case's single unnamed value was written.
    struct Unlabeled<Value: Codable>: Codable {
        var _0: Value

        init(_ value: Value) { _0 = value }
    }

    struct Report: Codable {
        var id: UUID
        var notifier: Notifier
        var receivedAt: Double
        var description: String

        init(_ r: ReportOfConcern) {
            id = r.id.rawValue
            notifier = Notifier(kind: r.notifier.kind.rawValue, name: r.notifier.name, organisation: r.notifier.organisation, email: r.notifier.email)
            receivedAt = instant(r.receivedAt)
            description = r.description
        }

        func domain() throws -> ReportOfConcern {
            ReportOfConcern(id: .init(id), notifier: .init(kind: try value(notifier.kind, "kind"), name: notifier.name, organisation: notifier.organisation,
                                                           email: notifier.email),
                            receivedAt: date(receivedAt), description: description)
        }
    }

    struct Notifier: Codable {
        var kind: String
        var name: String?
        var organisation: String?
        var email: String?
    }

    struct UrgentAssessment: Codable {
        var reportID: UUID
        var assessedAt: Double
        var childAtImmediateRisk: Bool
        var note: String
    }

    struct NotifierReceipt: Codable {
        var reportID: UUID
        var sentAt: Double
    }

    struct PreliminaryAssessment: Codable {
        var assessedAt: Double
        var text: String
        var outcome: String
    }

    struct Investigation: Codable {
        var decidedAt: Double
        /// Section, text, section, text: as a dictionary keyed by an enum was first written.
        var sections: [String]
        var completion: Completion?

        init(_ i: ChildInvestigation) {
            decidedAt = instant(i.decidedAt)
            sections = i.sections.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { [$0.key.rawValue, $0.value] }
            completion = i.completion.map(Completion.init)
        }

        func domain() throws -> ChildInvestigation {
            var investigation = ChildInvestigation(decidedAt: date(decidedAt))
            guard sections.count % 2 == 0 else { throw StoredStep.Unreadable.value("sections", sections.count.description) }
            for index in stride(from: 0, to: sections.count, by: 2) {
                investigation.sections[try value(sections[index], "sections")] = sections[index + 1]
            }
            investigation.completion = completion?.domain()
            return investigation
        }
    }

    struct Completion: Codable {
        var completedAt: Double
        var conclusion: String

        init(_ c: ChildInvestigation.Completion) {
            completedAt = instant(c.completedAt)
            conclusion = c.conclusion
        }

        func domain() -> ChildInvestigation.Completion { .init(completedAt: date(completedAt), conclusion: conclusion) }
    }

    struct SectionText: Codable {
        var section: String
        var text: String
        var writtenAt: Double
    }

    struct ChildConversation: Codable {
        var id: UUID
        var heldAt: Double
        var summary: String
    }

    struct Consent: Codable {
        var givenBy: String
        var scope: String
        var givenAt: Double
    }

    struct Decision: Codable {
        var decidedAt: Double
        var outcome: String
        var reasoning: String
    }

    struct ChildPlan: Codable {
        var madeAt: Double
        var goals: [Goal]
        var childInvolved: Bool
        var parentsInvolved: Bool

        struct Goal: Codable {
            var id: UUID
            var description: String
        }

        init(_ p: OmsorgDomain.ChildPlan) {
            madeAt = instant(p.madeAt)
            goals = p.goals.map { Goal(id: $0.id.rawValue, description: $0.description) }
            childInvolved = p.childInvolved
            parentsInvolved = p.parentsInvolved
        }

        func domain() -> OmsorgDomain.ChildPlan {
            .init(madeAt: date(madeAt), goals: goals.map { .init(id: .init($0.id), description: $0.description) },
                  childInvolved: childInvolved, parentsInvolved: parentsInvolved)
        }
    }

    struct Measure: Codable {
        var id: UUID
        var legalBasis: String
        var kind: String
        var provider: String
        var reason: String
        var startDate: String
        var endDate: String?
        var monthlyCost: Int

        init(_ m: OmsorgDomain.Measure) {
            id = m.id.rawValue
            legalBasis = m.legalBasis.rawValue
            kind = m.kind
            provider = m.provider
            reason = m.reason
            startDate = m.startDate.description
            endDate = m.endDate?.description
            monthlyCost = m.monthlyCost
        }

        func domain() throws -> OmsorgDomain.Measure {
            .init(id: .init(id), legalBasis: try value(legalBasis, "legalBasis"), kind: kind, provider: provider, reason: reason,
                  startDate: try day(startDate, "startDate"), endDate: try endDate.map { try day($0, "endDate") }, monthlyCost: monthlyCost)
        }
    }

    struct MeasureEnd: Codable {
        var measureID: UUID
        var endDate: String
    }

    struct FollowUp: Codable {
        var heldAt: Double
        var status: String
        var childConversation: String
        var goalAttainment: [GoalAttainment]

        struct GoalAttainment: Codable {
            var goalID: UUID
            var attainment: String
        }

        init(_ f: OmsorgDomain.FollowUp) {
            heldAt = instant(f.heldAt)
            status = f.status
            childConversation = f.childConversation
            goalAttainment = f.goalAttainment.map { GoalAttainment(goalID: $0.goalID.rawValue, attainment: $0.attainment.rawValue) }
        }

        func domain() throws -> OmsorgDomain.FollowUp {
            .init(heldAt: date(heldAt), status: status, childConversation: childConversation,
                  goalAttainment: try goalAttainment.map { .init(goalID: .init($0.goalID), attainment: try value($0.attainment, "attainment")) })
        }
    }

    struct Cadence: Codable {
        var months: Int
    }

    struct Closure: Codable {
        var closedAt: Double
        var reason: String
    }
}

private func instant(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }

private func date(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }

private func value<T: RawRepresentable<String>>(_ raw: String, _ field: String) throws -> T {
    guard let value = T(rawValue: raw) else { throw StoredStep.Unreadable.value(field, raw) }
    return value
}

private func day(_ text: String, _ field: String) throws -> LocalDate {
    guard let day = try? LocalDate(iso: text) else { throw StoredStep.Unreadable.value(field, text) }
    return day
}
