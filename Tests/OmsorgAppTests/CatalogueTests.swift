import OmsorgDomain
import OmsorgStore
@testable import OmsorgWeb
import Testing

/// Every user-facing string exists in both languages, and every key the pages build from the
/// domain's and the step table's values is in the catalogue.
@Suite("Catalogue")
struct CatalogueTests {
    @Test func bothLanguagesHaveTheSameKeys() {
        let danish = Set(Catalogue.danish.keys), english = Set(Catalogue.english.keys)
        #expect(danish.subtracting(english).isEmpty, "only in Danish: \(danish.subtracting(english).sorted())")
        #expect(english.subtracting(danish).isEmpty, "only in English: \(english.subtracting(danish).sorted())")
        #expect(Catalogue.danish.values.allSatisfy { !$0.isEmpty })
    }

    @Test(arguments: DisplayLanguage.allCases)
    func everyKeyThePagesBuildExists(language: DisplayLanguage) {
        let texts = Texts(language)
        var keys = CaseStep.Kind.allCases.flatMap { ["step.\($0.rawValue).title", "step.\($0.rawValue).action", "step.\($0.rawValue).law"] }
        keys += Deadline.Kind.allCases.flatMap { ["deadline.\($0.rawValue).name", "deadline.\($0.rawValue).task"] }
        keys += CaseFile.Stage.allCases.map { "stage.\($0.rawValue)" }
        keys += Role.allCases.flatMap { ["role.\($0.rawValue)", "role-info.\($0.rawValue)"] }
        keys += ["overdue", "due-soon", "later"].map { "urgency.\($0)" }
        keys += (1...7).map { "weekday.\($0)" } + (1...12).map { "month.\($0)" }
        keys += FieldProblem.examples.map { "error.\($0.code)" }
        keys += AuditEntry.Action.all.map { action in
            if case .record(let kind) = action { "step.\(kind.rawValue).title" } else { "access-log.action.\(action.name)" }
        }
        keys += Access.Purpose.allCases.map { "access-log.purpose.\($0.rawValue)" } + ["access-log.system"]
        keys += ["not-found", "forbidden", "form-expired", "too-many", "failure"].flatMap { ["error.\($0).title", "error.\($0).body"] }
        for step in StepTable.all {
            for field in step.fields {
                if texts.optional("step.\(step.kind.rawValue).\(field.name)") == nil { keys.append("field.\(field.name)") }
                if case .choice(let values) = field.kind { keys += values.map { "choice.\(field.name).\($0)" } }
            }
        }
        for fields in [NewReportPage.fields, FamilyMemberPage.fields] {
            keys += fields.map { "field.\($0.name)" }
            keys += fields.flatMap { field -> [String] in
                guard case .choice(let values) = field.kind else { return [] }
                return values.map { "choice.\(field.name).\($0)" }
            }
        }
        keys += WorktrayPage.Notice.allCases.map { "worktray.notice.\($0.rawValue)" }
        keys += FollowUp.Attainment.allCases.map { "choice.attainment.\($0.rawValue)" }
        keys += Self.blockers.map { "blocker.\($0.code)" } + Self.dataProblems.map { "invalid.\($0.code)" }
        let missing = keys.filter { texts.optional($0) == nil }
        #expect(missing.isEmpty, "missing in \(language): \(missing)")
    }

    /// One of each blocker and data problem the domain can give, for checking that the pages word them all.
    static let blockers: [StepBlocker] = [
        .caseClosed, .everyReportAssessed, .reportAlreadyAssessed, .noReceiptOwed, .anonymousNotifier, .receiptAlreadySent,
        .urgentAssessmentMissing, .investigationStarted, .investigationNotRecommended, .noInvestigationInProgress,
        .sectionsMissing([.childDevelopment]), .childConversationMissing, .investigationNotCompleted, .decisionAlreadyMade,
        .noDecisionForMeasures, .consentMissing(.section32), .childPlanMissing, .noRunningMeasure, .measureAlreadyEnded, .noMeasureYet,
    ] + CaseFile.Stage.allCases.map { .notReadyToClose($0) }

    static let dataProblems: [DataProblem] = [
        .empty, .inFuture, .cadenceOutOfRange, .noGoals, .costOutOfRange, .endBeforeStart(LocalDate(year: 2024, month: 1, day: 1)!),
        .startBeforeGrant(LocalDate(year: 2024, month: 1, day: 1)!), .startBeforeConsent(LocalDate(year: 2024, month: 1, day: 1)!), .closureBeforeMeasureEnds(LocalDate(year: 2024, month: 1, day: 1)!),
        .followUpBeforeMeasure(LocalDate(year: 2024, month: 1, day: 1)!), .unknownReport, .unknownMeasure, .goalNotInPlan, .anonymousWithName,
        .controlCharacter("\u{0}"), .startTooFarAhead(LocalDate(year: 2027, month: 1, day: 1)!), .endTooFarAhead(LocalDate(year: 2047, month: 1, day: 1)!),
        .bornAfterReport, .tooOldForChildProtection, .tooLong(200), .usernameForm, .teamRequired, .passwordLength, .ownAccount,
    ] + [DataProblem.Milestone.firstReport, .reportReceived, .preliminaryAssessment, .investigationDecided, .latestSection,
         .investigationCompleted, .childConversation].map { .before($0) }

    @Test func aMissingKeyShowsAsAMarkedKey() {
        #expect(Texts(.danish)("no.such.key") == "⟦no.such.key⟧")
        #expect(Texts(.english)("worktray.due", ["due": "x", "relative": "y"]) == "By x (y)")
    }

    @Test func placeholdersAreFilledAndUnknownOnesKept() {
        #expect(Texts.fill("Frist {due} – {law}", ["due": "mandag 3. juni", "law": "§ 136"]) == "Frist mandag 3. juni – § 136")
        #expect(Texts.fill("{a}{b}", ["a": "æ", "b": "ø"]) == "æø")
        #expect(Texts.fill("Søren {ukendt} og {navn}", ["navn": "Åse"]) == "Søren {ukendt} og Åse")
        #expect(Texts.fill("åben { uden slutning", ["x": "y"]) == "åben { uden slutning")
        #expect(Texts.fill("", ["x": "y"]) == "")
    }
}
