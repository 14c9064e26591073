import Foundation
import OmsorgDomain
@testable import OmsorgStore
import SQLKit
import Testing

/// The journal's stored format 1, pinned by payloads as the store wrote them before the format had
/// a name (from a demo database; the cadence and a measure with an end date written by hand in the
/// same form): each must still read as the same step, and a step must
/// still be written as the same JSON. A change to the domain that alters either fails here.
@Suite("Stored step format")
struct StoredStepTests {
    @Test func everyStepKindHasAGoldenPayload() {
        #expect(Set(Self.golden.map(\.step.kind)) == Set(CaseStep.Kind.allCases))
    }

    @Test(arguments: golden)
    func aGoldenPayloadReadsAsItsStepAndIsWrittenAlike(golden: Golden) throws {
        #expect(try StoredStep.step(from: golden.payload, format: 1) == golden.step)
        #expect(try Self.json(StoredStep.payload(of: golden.step)) == Self.json(golden.payload))
    }

    @Test func anUnreadablePayloadIsAnError() {
        #expect(throws: StoredStep.Unreadable.format(2)) { try StoredStep.step(from: Self.golden[0].payload, format: 2) }
        #expect(throws: StoredStep.Unreadable.value("outcome", "maybe")) {
            try StoredStep.step(from: #"{"decision":{"_0":{"decidedAt":1,"outcome":"maybe","reasoning":"x"}}}"#, format: 1)
        }
        #expect(throws: StoredStep.Unreadable.kinds(2)) {
            try StoredStep.step(from: #"{"followUpCadence":{"months":3},"closure":{"_0":{"closedAt":1,"reason":"x"}}}"#, format: 1)
        }
        #expect(throws: StoredStep.Unreadable.kinds(0)) { try StoredStep.step(from: "{}", format: 1) }
    }

    /// A case whose steps were stored in format 1 before this version opens with them.
    @Test(arguments: TestDatabase.available)
    func aCaseStoredInFormatOneReplays(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let sql = test.app.db as! any SQLDatabase
            // The private notifier's report, its urgent assessment and its receipt.
            let old = [Self.golden[0], Self.golden[2], Self.golden[3]]
            try await sql.delete(from: "case_steps").where("case_id", .equal, UUID(uuidString: caseID)!).run()
            for (sequence, step) in old.enumerated() {
                try await sql.insert(into: "case_steps").columns("id", "case_id", "sequence", "kind", "payload", "recorded_by", "recorded_at")
                    .values(SQLBind(UUID()), SQLBind(UUID(uuidString: caseID)!), SQLBind(sequence), SQLBind(step.step.kind.rawValue),
                            SQLBind(step.payload), SQLBind(UUID()), SQLBind(testNow)).run()
            }
            let reloaded = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            let reports = reloaded["reports"] as! [[String: Any]]
            #expect(reports.map { $0["id"] as? String } == [Self.reportID])
            #expect((reports[0]["urgentAssessment"] as? [String: Any])?["note"] as? String == "Ingen akut fare for barnet.")
            #expect(reports[0]["receiptSentAt"] is String, "\(reports[0])")
        }
    }

    struct Golden: Sendable, CustomTestStringConvertible {
        let payload: String
        let step: CaseStep

        var testDescription: String { step.kind.rawValue }
    }

    private static func json(_ text: String) throws -> NSDictionary {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSDictionary
    }

    private static func at(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }
    private static func id<T>(_ text: String) -> Identifier<T> { Identifier(UUID(uuidString: text)!) }
    private static func day(_ text: String) -> LocalDate { try! LocalDate(iso: text) }

    static let reportID = "C5DC274B-2DB9-448F-84ED-36FB95883AB1"
    static let goal = "37257609-BC96-493A-A724-1F33F8C8D52E"

    static let golden: [Golden] = [
        Golden(payload: #"{"report":{"_0":{"notifier":{"name":"Demo Nabo","kind":"private"},"receivedAt":817641510.3147597,"description":"Barnet virker træt og sulten og har meget fravær. (Syntetisk demo-data.)","id":"C5DC274B-2DB9-448F-84ED-36FB95883AB1"}}}"#,
               step: .report(ReportOfConcern(id: id(reportID), notifier: .init(kind: .private, name: "Demo Nabo", organisation: nil, email: nil),
                                             receivedAt: at(817641510.3147597), description: "Barnet virker træt og sulten og har meget fravær. (Syntetisk demo-data.)"))),
        Golden(payload: #"{"report":{"_0":{"notifier":{"organisation":"Skovbrynet Skole","email":"laerer@example.invalid","kind":"professional","name":"Demo Lærer"},"description":"Barnet virker træt og sulten og har meget fravær. (Syntetisk demo-data.)","id":"18E01F23-44CC-44BA-B67D-DEE9A8D483C3","receivedAt":793419661.5081476}}}"#,
               step: .report(ReportOfConcern(id: id("18E01F23-44CC-44BA-B67D-DEE9A8D483C3"),
                                             notifier: .init(kind: .professional, name: "Demo Lærer", organisation: "Skovbrynet Skole", email: "laerer@example.invalid"),
                                             receivedAt: at(793419661.5081476), description: "Barnet virker træt og sulten og har meget fravær. (Syntetisk demo-data.)"))),
        Golden(payload: #"{"urgentAssessment":{"_0":{"childAtImmediateRisk":false,"note":"Ingen akut fare for barnet.","assessedAt":817650150.3147597,"reportID":"C5DC274B-2DB9-448F-84ED-36FB95883AB1"}}}"#,
               step: .urgentAssessment(UrgentAssessment(reportID: id(reportID), assessedAt: at(817650150.3147597), childAtImmediateRisk: false,
                                                        note: "Ingen akut fare for barnet."))),
        Golden(payload: #"{"notifierReceipt":{"_0":{"sentAt":817863256.6957514,"reportID":"C5DC274B-2DB9-448F-84ED-36FB95883AB1"}}}"#,
               step: .notifierReceipt(NotifierReceipt(reportID: id(reportID), sentAt: at(817863256.6957514)))),
        Golden(payload: #"{"preliminaryAssessment":{"_0":{"text":"Bekymringen vurderes at kræve en undersøgelse.","assessedAt":782344826.3934649,"outcome":"no-further-action"}}}"#,
               step: .preliminaryAssessment(PreliminaryAssessment(assessedAt: at(782344826.3934649), text: "Bekymringen vurderes at kræve en undersøgelse.",
                                                                  outcome: .noFurtherAction))),
        Golden(payload: #"{"investigation":{"_0":{"sections":[],"decidedAt":811207993.5068381}}}"#,
               step: .investigation(ChildInvestigation(decidedAt: at(811207993.5068381)))),
        Golden(payload: #"{"investigationSection":{"_0":{"text":"ICS-beskrivelse (demo).","section":"family-and-environment","writtenAt":808314948.9337856}}}"#,
               step: .investigationSection(InvestigationSectionText(section: .familyAndEnvironment, text: "ICS-beskrivelse (demo).", writtenAt: at(808314948.9337856)))),
        Golden(payload: #"{"childConversation":{"_0":{"summary":"Barnet fortæller om hverdagen hjemme og i skolen.","id":"7AAE6EB2-8312-4D9A-9507-28BB94907DE7","heldAt":808746948.9337856}}}"#,
               step: .childConversation(ChildConversation(id: id("7AAE6EB2-8312-4D9A-9507-28BB94907DE7"), heldAt: at(808746948.9337856),
                                                          summary: "Barnet fortæller om hverdagen hjemme og i skolen."))),
        Golden(payload: #"{"consent":{"_0":{"givenAt":783666234.2790283,"givenBy":"Forælder med forældremyndighed","scope":"measures"}}}"#,
               step: .consent(Consent(givenBy: "Forælder med forældremyndighed", scope: .measures, givenAt: at(783666234.2790283)))),
        Golden(payload: #"{"investigationCompletion":{"_0":{"conclusion":"Barnet har behov for støtte.","completedAt":814300181.5522665}}}"#,
               step: .investigationCompletion(.init(completedAt: at(814300181.5522665), conclusion: "Barnet har behov for støtte."))),
        Golden(payload: #"{"decision":{"_0":{"decidedAt":772966004.8092716,"reasoning":"Begrundelse (demo).","outcome":"no-measures"}}}"#,
               step: .decision(Decision(decidedAt: at(772966004.8092716), outcome: .noMeasures, reasoning: "Begrundelse (demo)."))),
        Golden(payload: #"{"childPlan":{"_0":{"goals":[{"id":"37257609-BC96-493A-A724-1F33F8C8D52E","description":"Barnet kommer i skole hver dag"}],"childInvolved":true,"parentsInvolved":true,"madeAt":783839034.2790283}}}"#,
               step: .childPlan(ChildPlan(madeAt: at(783839034.2790283), goals: [.init(id: id(goal), description: "Barnet kommer i skole hver dag")],
                                          childInvolved: true, parentsInvolved: true))),
        Golden(payload: #"{"measure":{"_0":{"startDate":"2025-12-11","id":"4D1B4739-9097-4F33-B4C6-43CFC10609DD","reason":"Styrke forældrenes omsorg","provider":"Familiehuset (demo)","kind":"Familiebehandling","legalBasis":"§32","monthlyCost":14000}}}"#,
               step: .measure(Measure(id: id("4D1B4739-9097-4F33-B4C6-43CFC10609DD"), legalBasis: .section32, kind: "Familiebehandling",
                                      provider: "Familiehuset (demo)", reason: "Styrke forældrenes omsorg", startDate: day("2025-12-11"), endDate: nil,
                                      monthlyCost: 14000))),
        Golden(payload: #"{"measure":{"_0":{"startDate":"2024-05-20","endDate":"2025-05-19","id":"4D1B4739-9097-4F33-B4C6-43CFC10609DE","reason":"Anbringelse","provider":"Plejefamilie","kind":"Anbringelse","legalBasis":"§47","monthlyCost":0}}}"#,
               step: .measure(Measure(id: id("4D1B4739-9097-4F33-B4C6-43CFC10609DE"), legalBasis: .section47, kind: "Anbringelse", provider: "Plejefamilie",
                                      reason: "Anbringelse", startDate: day("2024-05-20"), endDate: day("2025-05-19"), monthlyCost: 0))),
        Golden(payload: #"{"measureEnd":{"_0":{"endDate":"2026-10-27","measureID":"6A6F82C7-F0DB-4A0C-8DDA-03AB0E3CC7A1"}}}"#,
               step: .measureEnd(MeasureEnd(measureID: id("6A6F82C7-F0DB-4A0C-8DDA-03AB0E3CC7A1"), endDate: day("2026-10-27")))),
        Golden(payload: #"{"followUp":{"_0":{"childConversation":"Barnet er glad for kontaktpersonen.","goalAttainment":[{"attainment":"in-progress","goalID":"37257609-BC96-493A-A724-1F33F8C8D52E"}],"heldAt":791442234.2790283,"status":"Fremgang i hverdagen."}}}"#,
               step: .followUp(FollowUp(heldAt: at(791442234.2790283), status: "Fremgang i hverdagen.", childConversation: "Barnet er glad for kontaktpersonen.",
                                        goalAttainment: [.init(goalID: id(goal), attainment: .inProgress)]))),
        Golden(payload: #"{"followUpCadence":{"months":4}}"#, step: .followUpCadence(months: 4)),
        Golden(payload: #"{"closure":{"_0":{"reason":"Målene er nået.","closedAt":815698040.2767551}}}"#,
               step: .closure(Closure(closedAt: at(815698040.2767551), reason: "Målene er nået."))),
    ]
}
