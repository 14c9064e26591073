import Foundation
import Testing
import Vapor

@Suite("Case flow over the API")
struct CaseFlowAPITests {
    /// Takes a new case (its report received two hours before the test clock) through the
    /// investigation to a decision for measures, for tests of what comes after.
    static func advanceToMeasures(_ path: String, _ worker: TestApp.Client) async throws {
        let state = try await worker.expect(.ok, .GET, path)
        let reportID = (state["reports"] as! [[String: Any]])[0]["id"] as! String
        try await worker.expect(.ok, .POST, "\(path)/urgent-assessments", json: ["reportId": reportID, "assessedAt": at(hours: -1.9), "childAtImmediateRisk": false, "note": "Ingen akut fare."])
        try await worker.expect(.ok, .POST, "\(path)/preliminary-assessments", json: ["assessedAt": at(hours: -1.8), "text": "Alvorligt.", "outcome": "investigate"])
        try await worker.expect(.ok, .POST, "\(path)/investigation", json: ["decidedAt": at(hours: -1.7)])
        for section in ["child-development", "parenting-capacity", "family-and-environment"] {
            try await worker.expect(.ok, .POST, "\(path)/investigation/sections", json: ["section": section, "text": "ICS-tekst.", "writtenAt": at(hours: -1.6)])
        }
        try await worker.expect(.ok, .POST, "\(path)/child-conversations", json: ["heldAt": at(hours: -1.5), "summary": "Barnet er bekymret."])
        try await worker.expect(.ok, .POST, "\(path)/investigation/completion", json: ["completedAt": at(hours: -1.4), "conclusion": "Behov for hjælp."])
        try await worker.expect(.ok, .POST, "\(path)/decision", json: ["decidedAt": at(hours: -1.3), "outcome": "measures", "reasoning": "Hjælp er nødvendig."])
    }

    @Test(arguments: TestDatabase.available)
    func fromReportToClosure(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(receivedAt: at(hours: -2000)))
            let caseID = created["caseId"] as! String
            let reportID = created["reportId"] as! String
            let path = "/api/v1/cases/\(caseID)"
            #expect(created["joinedExistingCase"] as? Bool == false)
            var state = created["case"] as! [String: Any]
            #expect(kinds(state) == ["urgent-assessment", "notifier-receipt"])
            #expect(statuses(state) == ["overdue", "overdue"])

            state = try await worker.expect(.ok, .POST, "\(path)/urgent-assessments", json: ["reportId": reportID, "assessedAt": at(hours: -1990), "childAtImmediateRisk": false, "note": "Ingen akut fare."])
            state = try await worker.expect(.ok, .POST, "\(path)/notifier-receipts", json: ["reportId": reportID, "sentAt": at(hours: -1950)])
            #expect(statuses(state) == ["met", "met"])
            state = try await worker.expect(.ok, .POST, "\(path)/preliminary-assessments", json: ["assessedAt": at(hours: -1900), "text": "Bekymringen er alvorlig.", "outcome": "investigate"])
            #expect((state["nextSteps"] as! [String]).contains("investigation"))
            state = try await worker.expect(.ok, .POST, "\(path)/investigation", json: ["decidedAt": at(hours: -1890)])
            #expect(state["stage"] as? String == "investigation")
            for section in ["child-development", "parenting-capacity", "family-and-environment"] {
                try await worker.expect(.ok, .POST, "\(path)/investigation/sections", json: ["section": section, "text": "ICS-tekst.", "writtenAt": at(hours: -1500)])
            }
            try await worker.expect(.ok, .POST, "\(path)/child-conversations", json: ["heldAt": at(hours: -1490), "summary": "Barnet er bekymret."])
            try await worker.expect(.ok, .POST, "\(path)/investigation/completion", json: ["completedAt": at(hours: -1400), "conclusion": "Behov for støtte."])
            state = try await worker.expect(.ok, .POST, "\(path)/decision", json: ["decidedAt": at(hours: -1390), "outcome": "measures", "reasoning": "Støtte er nødvendig."])
            #expect(state["stage"] as? String == "measures")
            try await worker.expect(.ok, .POST, "\(path)/consents", json: ["givenBy": "Mor", "scope": "measures", "givenAt": at(hours: -1380)])
            state = try await worker.expect(.ok, .POST, "\(path)/child-plans", json: ["madeAt": at(hours: -1370), "childInvolved": true, "parentsInvolved": true, "goals": [["description": "Møder i skole"]]])
            let goalID = ((state["childPlan"] as! [String: Any])["goals"] as! [[String: Any]])[0]["id"] as! String
            state = try await worker.expect(.ok, .POST, "\(path)/measures", json: ["legalBasis": "§32", "kind": "Familiebehandling", "provider": "Familiehuset", "reason": "Styrke omsorgen", "startDate": "2024-05-20", "monthlyCost": 12000])
            let measureID = (state["measures"] as! [[String: Any]])[0]["id"] as! String
            let followUp = (state["deadlines"] as! [[String: Any]]).first { $0["kind"] as? String == "follow-up" }
            #expect(followUp?["dueDate"] as? String == "2024-08-20")
            #expect(followUp?["status"] as? String == "open")
            state = try await worker.expect(.ok, .POST, "\(path)/follow-ups", json: ["heldAt": at(hours: -20), "status": "Fremgang.", "childConversation": "Glad.", "goalAttainment": [["goalId": goalID, "attainment": "achieved"]]])
            // Answers spell identifiers as requests do.
            let rating = ((state["followUps"] as! [[String: Any]])[0]["goalAttainment"] as! [[String: Any]])[0]
            #expect(rating["goalId"] as? String == goalID && rating["goalID"] == nil)
            #expect(((state["reports"] as! [[String: Any]])[0]["urgentAssessment"] as! [String: Any])["reportId"] as? String == reportID)
            state = try await worker.expect(.ok, .POST, "\(path)/measure-ends", json: ["measureId": measureID, "endDate": "2024-06-02"])
            #expect(state["stage"] as? String == "ready-to-close")
            state = try await worker.expect(.ok, .POST, "\(path)/closure", json: ["closedAt": at(hours: -1), "reason": "Målene er nået."])
            #expect(state["stage"] as? String == "closed")

            let reloaded = try await worker.expect(.ok, .GET, path)
            #expect(reloaded["stage"] as? String == "closed")
            #expect((reloaded["deadlines"] as! [[String: Any]]).allSatisfy { $0["status"] as? String == "met" })
            #expect(reloaded["nextSteps"] as? [String] == [])
            let tray = try await worker.expect(.ok, .GET, "/api/v1/worktray")
            #expect((tray["items"] as! [Any]).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aSecondReportJoinsTheChildsOpenCase(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let first = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let second = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: "6505144854", kind: "anonymous"))
            #expect(second["caseId"] as? String == first["caseId"] as? String)
            #expect(second["joinedExistingCase"] as? Bool == true)
            let state = second["case"] as! [String: Any]
            #expect((state["reports"] as! [Any]).count == 2)
            #expect(kinds(state).filter { $0 == "urgent-assessment" }.count == 2)
            #expect(kinds(state).filter { $0 == "notifier-receipt" }.count == 1) // not to the anonymous notifier
        }
    }

    @Test(arguments: TestDatabase.available)
    func theWorktrayListsOpenDeadlinesSoonestFirst(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: "650514-4854", receivedAt: at(hours: -1)))
            try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: "700312-4123", receivedAt: at(hours: -30)))
            let colleague = try await test.client("sydby.caseworker2")
            try await colleague.expect(.created, .POST, "/api/v1/reports-of-concern", json: report(personNumber: "681110-4321"))

            let tray = try await worker.expect(.ok, .GET, "/api/v1/worktray")
            let items = tray["items"] as! [[String: Any]]
            let deadlines = items.map { $0["deadline"] as! [String: Any] }
            #expect(items.count == 4) // two urgent assessments and two receipts; not the colleague's case
            #expect(deadlines.map { $0["dueAt"] as! String } == deadlines.map { $0["dueAt"] as! String }.sorted())
            #expect(deadlines.first?["status"] as? String == "overdue")
            #expect(deadlines.first?["kind"] as? String == "urgent-assessment")
            #expect(tray["overdue"] as? Int == 1)
            #expect(deadlines[1]["dueSoon"] as? Bool == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTeamLeaderAssignsACaseToACaseworkerOfTheTeam(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String
            let colleague = try await test.client("sydby.caseworker2")
            let me = try await colleague.expect(.ok, .GET, "/api/v1/auth/me")
            try await worker.expect(.forbidden, .PUT, "/api/v1/cases/\(caseID)/assignment", json: ["caseworkerId": me["id"]!])
            let leader = try await test.client("sydby.leader")
            let state = try await leader.expect(.ok, .PUT, "/api/v1/cases/\(caseID)/assignment", json: ["caseworkerId": me["id"]!])
            #expect(state["caseworkerId"] as? String == me["id"] as? String)
            #expect((try await colleague.expect(.ok, .GET, "/api/v1/worktray")["items"] as! [Any]).count == 2)
            let outsider = try await test.client("sydby.other-team")
            let outsiderID = try await outsider.expect(.ok, .GET, "/api/v1/auth/me")["id"]!
            try await leader.expect(.unprocessableEntity, .PUT, "/api/v1/cases/\(caseID)/assignment", json: ["caseworkerId": outsiderID])
        }
    }

    @Test(arguments: TestDatabase.available)
    func familyMembersAreRecordedOnTheChild(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let state = try await worker.expect(.created, .POST, "/api/v1/cases/\(caseID)/family-members", json: [
                "name": "Mor Demo", "personNumber": "710385-4002", "relation": "mother", "hasCustody": true, "livesWithChild": true, "occupation": "Sygeplejerske",
            ])
            let family = state["family"] as! [[String: Any]]
            #expect(family.count == 1)
            #expect(family.first?["hasCustody"] as? Bool == true)
        }
    }
}

func kinds(_ state: [String: Any]) -> [String] {
    (state["deadlines"] as! [[String: Any]]).map { $0["kind"] as! String }
}

func statuses(_ state: [String: Any]) -> [String] {
    (state["deadlines"] as! [[String: Any]]).map { $0["status"] as! String }
}
