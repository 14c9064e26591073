import Foundation
import Testing
import Vapor

/// A change to a family member names the version it was made from: one made from an old view is
/// refused and changes nothing, and the form shows what is recorded now.
@Suite("Family member versions")
struct FamilyMemberVersionTests {
    static var mother: [String: Any] { ["name": "Mor", "relation": "mother", "hasCustody": true, "livesWithChild": true] }

    @Test(arguments: TestDatabase.available)
    func aStaleChangeIsRefusedAndChangesNothing(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let family = try await worker.expect(.created, .POST, "/api/v1/cases/\(caseID)/family-members", json: Self.mother)["family"] as! [[String: Any]]
            #expect(family[0]["version"] as? Int == 0)
            let path = "/api/v1/cases/\(caseID)/family-members/\(family[0]["id"] as! String)"

            var moved = Self.mother
            moved["livesWithChild"] = false
            let changed = try await worker.send(.PUT, path, json: moved, headers: ["If-Match": "\"0\""])
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) == "\"1\"", "\(changed.body.string)")

            var renamed = Self.mother
            renamed["name"] = "Mor (gammel visning)"
            let stale = try await worker.send(.PUT, path, json: renamed, headers: ["If-Match": "\"0\""])
            #expect(stale.status == .preconditionFailed && stale.json["field"] as? String == "If-Match")
            let now = (try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["family"] as! [[String: Any]])[0]
            #expect(now["name"] as? String == "Mor" && now["livesWithChild"] as? Bool == false && now["version"] as? Int == 1)

            // Another team's caseworker does not find the member, and a made-up member is not found.
            #expect(try await (try await test.client("sydby.other-team")).send(.PUT, path, json: moved).status == .notFound)
            #expect(try await worker.send(.PUT, "/api/v1/cases/\(caseID)/family-members/\(UUID())", json: moved).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theFormShowsWhatWasChangedMeanwhile(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let caseID = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())["caseId"] as! String
            let family = try await worker.expect(.created, .POST, "/api/v1/cases/\(caseID)/family-members", json: Self.mother)["family"] as! [[String: Any]]
            let memberID = family[0]["id"] as! String
            var page = try await PageClient.signedIn(test, "sydby.caseworker")
            let casePage = try await page.get("/cases/\(caseID)").body.string
            #expect(casePage.contains("/cases/\(caseID)/family-members/\(memberID)/edit".lowercased()))
            let form = try await page.get("/cases/\(caseID)/family-members/\(memberID)/edit").body.string
            #expect(form.contains(#"name="version" value="0""#) && form.contains(#"value="Mor""#))

            // A colleague changes the member while the form is open.
            var colleague = Self.mother
            colleague["occupation"] = "Sygeplejerske"
            try await worker.expect(.ok, .PUT, "/api/v1/cases/\(caseID)/family-members/\(memberID)", json: colleague)

            let fields = ["name": "Mor Hansen", "relation": "mother", "hasCustody": "true", "livesWithChild": "true", "version": "0"]
            #expect(try await page.post("/cases/\(caseID)/family-members/\(memberID)", fields.filter { $0.key != "version" }).status == .badRequest)
            let refused = try await page.post("/cases/\(caseID)/family-members/\(memberID)", fields)
            #expect(refused.status == .conflict)
            let shown = refused.body.string
            #expect(shown.contains(#"id="family-changed-meanwhile""#) && shown.contains(#"value="Sygeplejerske""#) && shown.contains(#"name="version" value="1""#))
            let saved = try await page.post("/cases/\(caseID)/family-members/\(memberID)", fields.merging(["version": "1"]) { $1 })
            #expect(saved.status == .seeOther)
            let now = (try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")["family"] as! [[String: Any]])[0]
            #expect(now["name"] as? String == "Mor Hansen" && now["version"] as? Int == 2)
        }
    }
}
