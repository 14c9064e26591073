import Foundation
import OmsorgDomain
import Testing
import Vapor

/// The early-detection pages walk a caseworker through the consent workflow: the worklist without
/// names, taking a proposal, the letter, a refused date shown next to its field, and the family's
/// cases only once consent is recorded.
@Suite("Proposal pages")
struct ProposalPageTests {
    @Test(arguments: TestDatabase.available)
    func aCaseworkerTakesAProposalAsksForConsentAndSeesTheFamilysCasesOnlyAfterIt(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let caseID = (try await test.client("sydby.other-team").expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String).lowercased()
            let id = try await ConsentGateTests.propose(test)
            var page = try await PageClient.signedIn(test, "sydby.caseworker")

            let list = try await page.get("/proposals")
            #expect(list.status == .ok && list.body.string.contains("/proposals/\(id)"))
            #expect(!list.body.string.contains("650514") && !list.body.string.contains("⟦"))

            let open = try await page.get("/proposals/\(id)")
            #expect(open.body.string.contains("action=\"/proposals/\(id)/take\"") && !open.body.string.contains("650514-4854"))
            let taken = try await page.post("/proposals/\(id)/take", [:])
            #expect(taken.status == .seeOther)
            let mine = try await page.get("/proposals/\(id)?done=take")
            let html = mine.body.string
            #expect(html.contains("650514-4854") && html.contains("id=\"consent-letter\"") && !html.contains("⟦"), "\(html)")
            #expect(!html.contains("id=\"proposal-cases\""))
            #expect(try await page.get("/worktray").body.string.contains("Send brevet om samtykke"))
            #expect(try await page.get("/proposals/\(id)/cases/\(caseID)").status == .notFound)

            let refused = try await page.post("/proposals/\(id)/consent-request", ["sentOn": "31-02-2024"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"sentOn-error\"") && !refused.body.string.contains("⟦"))
            #expect(refused.body.string.contains("<title>Fejl: "), "a refused form's title says so first")
            #expect(try await page.post("/proposals/\(id)/consent-request", ["sentOn": "03-06-2024"]).status == .seeOther)
            let tray = try await page.get("/worktray").body.string
            #expect(tray.contains("id=\"worktray-proposals\"") && tray.contains("Familien har til") && tray.contains("17. juni 2024"), "\(tray)")
            let early = try await page.post("/proposals/\(id)/consent-answer", ["answer": "no-answer", "answeredOn": "03-06-2024"])
            #expect(early.status == .conflict && early.body.string.contains("17. juni 2024"), "\(early.body.string)")
            #expect(try await page.post("/proposals/\(id)/consent-answer", ["answer": "given", "answeredOn": "03-06-2024"]).status == .seeOther)

            let consented = try await page.get("/proposals/\(id)").body.string
            #expect(consented.contains("id=\"proposal-cases\"") && consented.contains("action=\"/proposals/\(id)/effort\"") && !consented.contains("⟦"))
            let effort = try await page.post("/proposals/\(id)/effort", ["child": "c2", "offer": "Familiesamtaler", "provider": "Sundhedsplejen",
                                                                         "goals": "Faste tandlægetider\nTrygge morgener", "startDate": "03-06-2024"])
            #expect(effort.status == .seeOther)
            #expect(try await page.get("/proposals/\(id)").body.string.contains("Trygge morgener"))
            // The same form sent twice starts one effort.
            let twice = try await page.post("/proposals/\(id)/effort", ["child": "c2", "offer": "Familiesamtaler", "provider": "Sundhedsplejen",
                                                                        "goals": "Faste tandlægetider", "startDate": "03-06-2024"])
            #expect(twice.status == .conflict && twice.body.string.contains("allerede startet"))
            #expect(try await page.post("/proposals/\(id)/take", [:]).body.string.contains("Du har allerede taget forslaget"))
            #expect(consented.contains("href=\"/proposals/\(id)/cases/\(caseID)\""))
            let familyCase = try await page.get("/proposals/\(id)/cases/\(caseID)")
            #expect(familyCase.status == .ok && familyCase.body.string.contains("id=\"consented-case\""))
            #expect(!familyCase.body.string.contains("id=\"next-steps\"") && !familyCase.body.string.contains("/steps/") && !familyCase.body.string.contains("⟦"))
            #expect(try await page.get("/worktray").body.string.contains("Familien har sagt ja"))
            #expect(try await page.post("/proposals/\(id)/relevance", ["relevance": "no", "relevanceNote": "Familien havde allerede hjælp"]).status == .seeOther)
            #expect(try await page.get("/proposals/\(id)").body.string.contains(">Familien havde allerede hjælp</textarea>"), "the note is shown, to be kept")
            #expect(!(try await page.get("/worktray").body.string.contains("id=\"worktray-proposals\"")))
            #expect(try await page.get("/proposals/\(id)/cases/not-an-id").status == .notFound)

            var colleague = try await PageClient.signedIn(test, "sydby.caseworker2")
            let theirs = try await colleague.get("/proposals/\(id)").body.string
            #expect(!theirs.contains("650514-4854") && !theirs.contains("id=\"proposal-cases\"") && theirs.contains("Taget af caseworker."))
            #expect(try await colleague.get("/proposals/\(id)/cases/\(caseID)").status == .notFound)
            #expect(try await colleague.post("/proposals/\(id)/relevance", ["relevance": "yes"]).status == .conflict)
        }
    }
}
