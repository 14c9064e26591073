import Foundation
import Testing
import Vapor

/// The staff pages through the same composition root as the service, as a browser without
/// JavaScript uses them: forms, redirects and cookies.
@Suite("Pages")
struct PageTests {
    /// A time on the fixed test day (Monday 3 June 2024, 10:00 in Copenhagen), as the forms write it.
    static func time(_ clock: String) -> [String: String] { ["date": "03-06-2024", "time": clock] }

    static func instant(_ name: String, _ clock: String) -> [String: String] {
        ["\(name)-date": "03-06-2024", "\(name)-time": clock]
    }

    @Test(arguments: TestDatabase.available)
    func aCaseRunsFromReportToClosureThroughTheForms(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            let tray = try await page.get("/worktray")
            #expect(tray.status == .ok)
            #expect(tray.body.string.contains("Min arbejdsbakke"))
            #expect(try await page.get("/reports/new").status == .ok)

            var report = ["personNumber": "650514-4854", "childName": "Testbarn Demo", "schoolOrDaycare": "Byskolen",
                          "notifierKind": "professional", "professionalName": "Lærer", "professionalOrganisation": "Byskolen",
                          "description": "Barnet kommer ofte sultent i skole."].merging(Self.instant("receivedAt", "08:00")) { $1 }
            let saved = try await page.post("/reports", report)
            #expect(saved.status == .seeOther)
            let casePath = try #require(saved.headers.first(name: .location))
            #expect(casePath.hasPrefix("/cases/"))
            var state = try await page.get(casePath).body.string
            #expect(state.contains(#"data-deadline-kind="urgent-assessment""#))
            #expect(state.contains(#"data-deadline-kind="notifier-receipt""#))
            #expect(state.contains(#"data-step="urgent-assessment""#))
            // Who works the case and who recorded the report, by name.
            #expect(state.contains("Team A, sagsbehandler: caseworker"))
            #expect(state.contains(" · caseworker</p>"))

            let form = try await page.get("\(casePath)/steps/urgent-assessment").body.string
            let reportID = try #require(PageClient.firstMatch(#"name="reportId" value="([^"]+)""#, in: form))
            let steps: [(String, [String: String])] = [
                ("urgent-assessment", ["reportId": reportID, "childAtImmediateRisk": "false", "note": "Ingen akut fare."].merging(Self.instant("assessedAt", "08:30")) { $1 }),
                ("notifier-receipt", ["reportId": reportID].merging(Self.instant("sentAt", "08:35")) { $1 }),
                ("preliminary-assessment", ["text": "Bekymringen er alvorlig.", "outcome": "investigate"].merging(Self.instant("assessedAt", "08:40")) { $1 }),
                ("investigation", Self.instant("decidedAt", "08:45")),
                ("investigation-section", ["section": "child-development", "text": "ICS 1."].merging(Self.instant("writtenAt", "08:50")) { $1 }),
                ("investigation-section", ["section": "parenting-capacity", "text": "ICS 2."].merging(Self.instant("writtenAt", "08:51")) { $1 }),
                ("investigation-section", ["section": "family-and-environment", "text": "ICS 3."].merging(Self.instant("writtenAt", "08:52")) { $1 }),
                ("child-conversation", ["summary": "Barnet er bekymret."].merging(Self.instant("heldAt", "08:55")) { $1 }),
                ("investigation-completion", ["conclusion": "Behov for støtte."].merging(Self.instant("completedAt", "09:00")) { $1 }),
                ("decision", ["outcome": "measures", "reasoning": "Støtte er nødvendig."].merging(Self.instant("decidedAt", "09:05")) { $1 }),
                ("consent", ["givenBy": "Mor", "scope": "measures"].merging(Self.instant("givenAt", "09:10")) { $1 }),
                ("child-plan", ["goals[0]": "Møder i skole", "goals[1]": "Spiser morgenmad", "childInvolved": "true", "parentsInvolved": "true"]
                    .merging(Self.instant("madeAt", "09:15")) { $1 }),
                ("measure", ["legalBasis": "§32", "kind": "Familiebehandling", "provider": "Familiehuset", "reason": "Styrke omsorgen",
                             "startDate": "03-06-2024", "monthlyCost": "12.000"]),
            ]
            for (kind, fields) in steps {
                #expect(try await page.get("\(casePath)/steps/\(kind)").status == .ok, "\(kind) form")
                let response = try await page.post("\(casePath)/steps/\(kind)", fields)
                #expect(response.status == .seeOther, "\(kind): \(Self.errors(in: response.body.string))")
            }
            let followUpForm = try await page.get("\(casePath)/steps/follow-up").body.string
            let goals = Self.matches(#"name="(goalAttainment\[[^\]]+\])""#, in: followUpForm)
            #expect(Set(goals).count == 2)
            var followUp = ["status": "Fremgang.", "childConversation": "Glad."].merging(Self.instant("heldAt", "09:30")) { $1 }
            for goal in Set(goals) { followUp[goal] = "achieved" }
            let followed = try await page.post("\(casePath)/steps/follow-up", followUp)
            #expect(followed.status == .seeOther, "follow-up: \(followed.status) \(followed.body.string.suffix(3000))")
            let endForm = try await page.get("\(casePath)/steps/measure-end").body.string
            let measureID = try #require(PageClient.firstMatch(#"name="measureId" value="([^"]+)""#, in: endForm))
            #expect(try await page.post("\(casePath)/steps/measure-end", ["measureId": measureID, "endDate": "03-06-2024"]).status == .seeOther)
            #expect(try await page.post("\(casePath)/steps/closure", ["reason": "Målene er nået."].merging(Self.instant("closedAt", "09:50")) { $1 })
                .status == .seeOther)
            state = try await page.get(casePath).body.string
            #expect(state.contains("Fase: Afsluttet"))
            #expect(state.contains("Opnået"))
            #expect(!state.contains("⟦"))

            // The same child again joins the closed case's successor: a new case, shown at once.
            report["description"] = "Ny bekymring."
            #expect(try await page.post("/reports", report).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aWrongFormComesBackWithEverythingTypedAndNothingStored(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            try await page.get("/reports/new")
            let response = try await page.post("/reports", ["personNumber": "123", "childName": "<script>alert(1)</script>",
                                                            "notifierKind": "private", "description": ""]
                                                .merging(Self.instant("receivedAt", "08:00")) { $1 })
            let html = response.body.string
            #expect(response.status == .unprocessableEntity)
            #expect(html.contains("<title>Fejl: "))
            #expect(html.contains("Der er et problem"))
            #expect(html.contains(##"href="#personNumber""##))
            #expect(html.contains(##"href="#description""##))
            #expect(html.contains(#"value="123""#))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert(1)"))
            let api = try await test.client("sydby.caseworker")
            #expect((try await api.expect(.ok, .GET, "/api/v1/cases")["items"] as! [Any]).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anotherMunicipalitysCaseIsNotFoundAndItsIdsChangeNothing(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let sydby = try await test.client("sydby.caseworker")
            let created = try await sydby.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String, reportID = created["reportId"] as! String
            var nordby = try await PageClient.signedIn(test, "nordby.caseworker")
            let read = try await nordby.get("/cases/\(caseID)")
            #expect(read.status == .notFound)
            #expect(read.body.string.contains("Siden findes ikke"))
            #expect(!read.body.string.contains("Testbarn"))
            try await nordby.get("/worktray")
            let write = try await nordby.post("/cases/\(caseID)/steps/urgent-assessment",
                                              ["reportId": reportID, "childAtImmediateRisk": "false", "note": "x"].merging(Self.instant("assessedAt", "09:00")) { $1 })
            #expect(write.status == .notFound)
            // Nordby's own case with Sydby's report id in the hidden field: refused, nothing stored.
            let own = try await test.client("nordby.caseworker").expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let tampered = try await nordby.post("/cases/\(own["caseId"] as! String)/steps/urgent-assessment",
                                                 ["reportId": reportID, "childAtImmediateRisk": "false", "note": "x"].merging(Self.instant("assessedAt", "09:00")) { $1 })
            #expect(tampered.status == .notFound)
            let after = try await sydby.expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            #expect((after["reports"] as! [[String: Any]])[0]["urgentAssessment"] == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFormWithoutItsTokenIsRefusedAndChangesNothing(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            try await page.get("/reports/new")
            let fields = ["personNumber": "650514-4854", "childName": "Testbarn", "notifierKind": "anonymous", "description": "x"]
                .merging(Self.instant("receivedAt", "08:00")) { $1 }
            #expect(try await page.post("/reports", fields, csrf: .some(nil)).status == .forbidden)
            #expect(try await page.post("/reports", fields, csrf: "not-the-token").status == .forbidden)
            let api = try await test.client("sydby.caseworker")
            #expect((try await api.expect(.ok, .GET, "/api/v1/cases")["items"] as! [Any]).isEmpty)
        }
    }

    @Test func theLanguageSwitchKeepsEnglishForTheSession() async throws {
        try await TestApp.run(on: .sqlite) { test in
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            try await page.get("/worktray")
            #expect(try await page.post("/language", ["language": "en", "returnTo": "/worktray"]).status == .seeOther)
            // Back only to a page of ours: each of these reads as another site in some browser.
            for elsewhere in ["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example"] {
                let answer = try await page.post("/language", ["language": "en", "returnTo": elsewhere])
                #expect(answer.headers.first(name: .location) == "/", "\(elsewhere.debugDescription)")
            }
            let english = try await page.get("/worktray").body.string
            #expect(english.contains("My work tray"))
            #expect(english.contains(#"lang="en""#))
            #expect(try await page.get("/reports/new").body.string.contains("New report of concern"))
        }
    }

    @Test func rolesWithoutCaseAccessSeeWhatTheyCanDo() async throws {
        try await TestApp.run(on: .sqlite) { test in
            var page = try await PageClient.signedIn(test, "sydby.manager")
            let start = try await page.get("/worktray")
            #expect(start.status == .ok)
            #expect(start.body.string.contains(#"id="role-info""#))
            #expect(try await page.get("/reports/new").status == .forbidden)
            #expect(try await page.get("/search?q=Test").status == .forbidden)
        }
    }

    @Test func signedOutPagesGoToSignIn() async throws {
        try await TestApp.run(on: .sqlite) { test in
            var page = PageClient(test)
            let root = try await page.get("/")
            #expect(root.status == .seeOther)
            #expect(root.headers.first(name: .location) == "/sign-in")
            let tray = try await page.get("/worktray")
            #expect(tray.status == .seeOther)
            let signIn = try await page.get("/sign-in")
            #expect(signIn.status == .ok)
            #expect(signIn.body.string.contains(#"id="sign-in-form""#))
        }
    }

    static func errors(in html: String) -> String {
        matches(##"<a href="#[^"]*">([^<]*)</a>"##, in: html).joined(separator: "; ") + (html.contains("step-blocked") ? " (blocked)" : "")
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
    }
}

extension PageTests {
    /// A report on a child whose open case another team works is recorded there without showing it.
    /// The form does not know the child either: the reporter types the name as for a new child.
    @Test func aReportJoiningAnotherTeamsCaseSaysWhereItWent() async throws {
        try await TestApp.run(on: .sqlite) { test in
            let owner = try await test.client("sydby.caseworker")
            try await owner.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            var page = try await PageClient.signedIn(test, "sydby.other-team")
            try await page.get("/reports/new")
            let found = try await page.post("/reports", ["action": "find", "personNumber": "650514-4854"])
            #expect(!found.body.string.contains("Testbarn"))
            let saved = try await page.post("/reports", ["personNumber": "650514-4854", "childName": "Som skrevet", "notifierKind": "anonymous",
                                                         "description": "Ny bekymring."]
                .merging(Self.instant("receivedAt", "09:00")) { $1 })
            #expect(saved.status == .ok)
            #expect(saved.body.string.contains(#"id="report-joined-elsewhere""#))
            #expect(!saved.body.string.contains("Testbarn") && !saved.body.string.contains("Som skrevet"))
            let state = try await owner.expect(.ok, .GET, "/api/v1/cases")
            #expect((state["items"] as! [Any]).count == 1)
        }
    }
}
