import Foundation
@testable import OmsorgStore
import SQLKit
import Testing
import Vapor

/// Administrators create, change, deactivate and re-role their own municipality's staff and reset
/// their passwords: each change audited, versioned, and in force from the next request on.
@Suite("User administration")
struct UserAdministrationTests {
    static let newPassword = "a new password, long enough"
    /// What a user chooses in place of a password an administrator set.
    static let ownPassword = "only I know this one, now"

    /// The first sign-in with a password an administrator set: refused until the user has chosen
    /// their own, and then signed in with that.
    static func firstSignIn(_ test: TestApp, _ username: String, password: String = newPassword) async throws -> TestApp.Client {
        let refused = try await test.send(.POST, "/api/v1/auth/login", json: ["username": username, "password": password])
        #expect(refused.status == .forbidden, "\(username) signed in with the administrator's password: \(refused.status)")
        let chosen = try await test.send(.POST, "/api/v1/auth/password", json: ["username": username, "password": password, "newPassword": ownPassword])
        #expect(chosen.status == .noContent, "\(chosen.body.string)")
        return try await test.client(username, password: ownPassword)
    }

    static func newUser(_ username: String = "sydby.anna", role: String = "caseworker", team: String? = "Team A") -> [String: Any] {
        var body: [String: Any] = ["username": username, "displayName": "Anna Andersen", "role": role, "password": newPassword]
        if let team { body["team"] = team }
        return body
    }

    @Test(arguments: TestDatabase.available)
    func aCreatedUserSignsInAndTheLogSaysWhoCreatedThem(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let created = try await admin.send(.POST, "/api/v1/users", json: Self.newUser())
            #expect(created.status == .created && created.headers.first(name: .eTag) == "\"0\"", "\(created.body.string)")
            #expect(created.json["active"] as? Bool == true && created.json["team"] as? String == "Team A" && created.json["version"] as? Int == 0)

            let entry = try await Self.lastEntry(test)
            #expect(entry.action == "create-user" && entry.role == "administrator" && entry.purpose == "administration")
            #expect(entry.subject.hasPrefix("user:") && entry.subject.contains(#"role:caseworker team:"Team A" active:true"#), "\(entry.subject)")

            let anna = try await Self.firstSignIn(test, "sydby.anna")
            let me = try await anna.expect(.ok, .GET, "/api/v1/auth/me")
            #expect(me["role"] as? String == "caseworker" && me["id"] as? String == created.json["id"] as? String)
            let listed = try await admin.expect(.ok, .GET, "/api/v1/users")["items"] as! [[String: Any]]
            #expect(listed.contains { $0["username"] as? String == "sydby.anna" } && listed.allSatisfy { ($0["username"] as! String).hasPrefix("sydby.") })
            #expect(try await AuditLog.verify(on: test.app.db).firstBreak == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badInputNamesItsFieldAndCreatesNothing(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let before = try await admin.expect(.ok, .GET, "/api/v1/users")["items"] as! [[String: Any]]
            let cases: [(String, [String: Any], HTTPResponseStatus)] = [
                ("username", Self.newUser("Anna Andersen"), .unprocessableEntity),
                ("username", Self.newUser("ab"), .unprocessableEntity),
                ("username", Self.newUser("sydby.caseworker"), .conflict),
                ("displayName", Self.newUser().merging(["displayName": "  "]) { $1 }, .unprocessableEntity),
                ("displayName", Self.newUser().merging(["displayName": String(repeating: "x", count: 201)]) { $1 }, .unprocessableEntity),
                ("displayName", Self.newUser().merging(["displayName": "N\u{0}UL"]) { $1 }, .unprocessableEntity),
                ("role", Self.newUser(role: "superuser"), .unprocessableEntity),
                ("team", Self.newUser(team: nil), .unprocessableEntity),
                ("team", Self.newUser(team: " "), .unprocessableEntity),
                ("team", Self.newUser(team: "Team\tA"), .unprocessableEntity),
                ("username", Self.newUser("sydby.anna\nx"), .unprocessableEntity),
                ("password", Self.newUser().merging(["password": "short"]) { $1 }, .unprocessableEntity),
                ("password", Self.newUser().merging(["password": String(repeating: "æ", count: 37)]) { $1 }, .unprocessableEntity),
                ("password", Self.newUser().merging(["password": 12345678901234]) { $1 }, .unprocessableEntity),
                ("isAdmin", Self.newUser().merging(["isAdmin": true]) { $1 }, .unprocessableEntity),
            ]
            for (field, body, status) in cases {
                let response = try await admin.send(.POST, "/api/v1/users", json: body)
                #expect(response.status == status, "\(field): \(response.status) \(response.body.string)")
                #expect(response.json["field"] as? String == field, "\(field): \(response.body.string)")
                #expect(!response.body.string.contains("Swift") && !response.body.string.contains("Dictionary"))
            }
            // A manager needs no team; staff outside case work are fine without one.
            try await admin.expect(.created, .POST, "/api/v1/users", json: Self.newUser("sydby.chef", role: "manager", team: nil))
            let after = try await admin.expect(.ok, .GET, "/api/v1/users")["items"] as! [[String: Any]]
            #expect(after.count == before.count + 1)

            // Only administrators administer users.
            for username in ["sydby.caseworker", "sydby.leader", "sydby.manager"] {
                let response = try await (try await test.client(username)).send(.POST, "/api/v1/users", json: Self.newUser("sydby.sneaky"))
                #expect(response.status == .forbidden, "\(username): \(response.status)")
            }
            #expect(try await test.send(.GET, "/api/v1/users").status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChangeTakesEffectAtOnceAndAStaleOneChangesNothing(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let id = try await admin.expect(.created, .POST, "/api/v1/users", json: Self.newUser())["id"] as! String
            let anna = try await Self.firstSignIn(test, "sydby.anna")
            try await anna.expect(.ok, .GET, "/api/v1/cases")

            // Re-roled: the token she holds carries the new role on its next request.
            let manager: [String: Any] = ["displayName": "Anna Andersen", "role": "manager", "active": true]
            let changed = try await admin.send(.PUT, "/api/v1/users/\(id)", json: manager, headers: ["If-Match": "\"0\""])
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) == "\"1\"", "\(changed.body.string)")
            #expect(try await anna.send(.GET, "/api/v1/cases").status == .forbidden)
            #expect(try await Self.lastEntry(test).action == "change-user")

            // A change made from version 0 is refused: nothing changes.
            let stale = try await admin.send(.PUT, "/api/v1/users/\(id)", json: manager.merging(["displayName": "Gammel"]) { $1 },
                                             headers: ["If-Match": "\"0\""])
            #expect(stale.status == .preconditionFailed && stale.json["field"] as? String == "If-Match")
            #expect(try await admin.expect(.ok, .GET, "/api/v1/users/\(id)")["displayName"] as? String == "Anna Andersen")

            // Deactivated: her token ends, and her password signs her in no more.
            let off = try await admin.send(.PUT, "/api/v1/users/\(id)", json: manager.merging(["active": false]) { $1 }, headers: ["If-Match": "\"1\""])
            #expect(off.status == .ok && off.json["active"] as? Bool == false)
            #expect(try await anna.send(.GET, "/api/v1/auth/me").status == .unauthorized)
            let refused = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.anna", "password": Self.ownPassword])
            #expect(refused.status == .unauthorized)
            #expect(try await Self.lastEntry(test).action == "deactivate-user")

            try await admin.expect(.ok, .PUT, "/api/v1/users/\(id)", json: manager)
            #expect(try await Self.lastEntry(test).action == "reactivate-user")
            _ = try await test.client("sydby.anna", password: Self.ownPassword)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aResetPasswordEndsEverySessionAndOnlyTheNewOneSignsIn(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let id = try await Self.id(of: "sydby.caseworker2", admin)
            let worker = try await test.client("sydby.caseworker2")
            var page = try await PageClient.signedIn(test, "sydby.caseworker2")
            let short = try await admin.send(.PUT, "/api/v1/users/\(id)/password", json: ["password": "too short"])
            #expect(short.status == .unprocessableEntity && short.json["field"] as? String == "password")

            let reset = try await admin.send(.PUT, "/api/v1/users/\(id)/password", json: ["password": Self.newPassword])
            #expect(reset.status == .ok && reset.headers.first(name: .eTag) == "\"1\"", "\(reset.body.string)")
            #expect(try await worker.send(.GET, "/api/v1/auth/me").status == .unauthorized)
            #expect(try await page.get("/worktray").headers.first(name: .location) == "/sign-in")
            let old = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.caseworker2", "password": TestApp.password])
            #expect(old.status == .unauthorized)
            let entry = try await Self.lastEntry(test)
            #expect(entry.action == "reset-password" && entry.subject.lowercased() == "user:\(id.lowercased())")
            _ = try await Self.firstSignIn(test, "sydby.caseworker2")
            #expect(try await Self.lastEntry(test).action == "choose-own-password")
        }
    }

    /// An administrator knows the password they set, so it opens nothing until the user has chosen
    /// their own: the API refuses a token, the sign-in page asks for a new password, and a wrong,
    /// short or unchanged one is refused next to its field.
    @Test(arguments: TestDatabase.available)
    func aPasswordAnAdministratorSetMustBeReplacedBeforeAnythingElse(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            try await admin.expect(.created, .POST, "/api/v1/users", json: Self.newUser())
            let login = try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.anna", "password": Self.newPassword])
            #expect(login.status == .forbidden && (login.json["detail"] as? String)?.contains("/api/v1/auth/password") == true, "\(login.body.string)")
            let same = try await test.send(.POST, "/api/v1/auth/password", json: ["username": "sydby.anna", "password": Self.newPassword, "newPassword": Self.newPassword])
            #expect(same.status == .unprocessableEntity && same.json["field"] as? String == "newPassword")
            let wrong = try await test.send(.POST, "/api/v1/auth/password", json: ["username": "sydby.anna", "password": "not the one it was", "newPassword": Self.ownPassword])
            #expect(wrong.status == .unauthorized)

            var page = PageClient(test)
            try await page.get("/sign-in")
            let asked = try await page.post("/sign-in", ["username": "sydby.anna", "password": Self.newPassword])
            #expect(asked.status == .ok && asked.body.string.contains("id=\"own-password-form\""))
            #expect(!asked.body.string.contains(Self.newPassword), "a password was written into the page")
            #expect(try await page.get("/worktray").headers.first(name: .location) == "/sign-in")
            let slip = try await page.post("/sign-in/password", ["username": "sydby.anna", "password": Self.newPassword, "newPassword": Self.ownPassword,
                                                                "newPasswordAgain": Self.ownPassword + "x"])
            #expect(slip.status == .unprocessableEntity && slip.body.string.contains("id=\"newPasswordAgain-error\""))
            let short = try await page.post("/sign-in/password", ["username": "sydby.anna", "password": Self.newPassword, "newPassword": "kort",
                                                                 "newPasswordAgain": "kort"])
            #expect(short.status == .unprocessableEntity && short.body.string.contains("id=\"newPassword-error\"") && !short.body.string.contains("⟦"))
            let chosen = try await page.post("/sign-in/password", ["username": "sydby.anna", "password": Self.newPassword, "newPassword": Self.ownPassword,
                                                                  "newPasswordAgain": Self.ownPassword])
            #expect(chosen.status == .seeOther)
            #expect(try await page.get("/worktray").status == .ok)
            #expect(try await test.send(.POST, "/api/v1/auth/login", json: ["username": "sydby.anna", "password": Self.newPassword]).status == .unauthorized)
            _ = try await test.client("sydby.anna", password: Self.ownPassword)
            #expect(try await AuditTests.actions(test).contains("choose-own-password"))

            // Choosing a new password ends what the old one opened.
            let before = try await test.client("sydby.caseworker")
            let changed = try await test.send(.POST, "/api/v1/auth/password", json: ["username": "sydby.caseworker", "password": TestApp.password,
                                                                                   "newPassword": Self.ownPassword])
            #expect(changed.status == .noContent)
            #expect(try await before.send(.GET, "/api/v1/auth/me").status == .unauthorized)
        }
    }

    /// A sign-in that checked the password before an administrator reset it, or deactivated the
    /// user, stores no token or session after: what it checked is no longer the user's.
    @Test(arguments: TestDatabase.available)
    func aSignInUnderWayWhenThePasswordIsResetGetsNoToken(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let staff = StaffRepository(test.app.db)
            let seen = try #require(try await staff.credentials(username: "sydby.caseworker2"))
            try await admin.expect(.ok, .PUT, "/api/v1/users/\(seen.user.id)/password", json: ["password": Self.newPassword])
            let expires = Date().addingTimeInterval(3600)
            #expect(try await !staff.storeToken(hash: "after-reset", for: seen.user.id, expiresAt: expires, ifPasswordHash: seen.passwordHash))
            #expect(try await !SessionRepository(test.app.db).create(tokenHash: "after-reset", user: seen.user.id, csrfToken: "c", language: "da",
                                                                    now: Date(), expiresAt: expires, ifPasswordHash: seen.passwordHash))

            let now = try #require(try await staff.credentials(username: "sydby.caseworker2"))
            #expect(try await staff.storeToken(hash: "current", for: now.user.id, expiresAt: expires, ifPasswordHash: now.passwordHash))
            try await admin.expect(.ok, .PUT, "/api/v1/users/\(now.user.id)",
                                   json: ["displayName": "caseworker2", "role": "caseworker", "team": "Team A", "active": false])
            #expect(try await !staff.storeToken(hash: "deactivated", for: now.user.id, expiresAt: expires, ifPasswordHash: now.passwordHash))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAdministratorReachesOnlyTheirMunicipalityAndKeepsTheirOwnAccess(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let nordby = try await test.client("nordby.admin")
            let worker = try await Self.id(of: "sydby.caseworker", admin)
            let body: [String: Any] = ["displayName": "Overtaget", "role": "administrator", "team": "Team A", "active": true]
            #expect(try await nordby.send(.GET, "/api/v1/users/\(worker)").status == .notFound)
            #expect(try await nordby.send(.PUT, "/api/v1/users/\(worker)", json: body).status == .notFound)
            #expect(try await nordby.send(.PUT, "/api/v1/users/\(worker)/password", json: ["password": Self.newPassword]).status == .notFound)
            #expect(try await admin.expect(.ok, .GET, "/api/v1/users/\(worker)")["displayName"] as? String == "caseworker")

            let me = try await Self.id(of: "sydby.admin", admin)
            let off = try await admin.send(.PUT, "/api/v1/users/\(me)", json: ["displayName": "admin", "role": "administrator", "active": false])
            #expect(off.status == .unprocessableEntity && off.json["field"] as? String == "active")
            let demoted = try await admin.send(.PUT, "/api/v1/users/\(me)", json: ["displayName": "admin", "role": "caseworker", "team": "Team A", "active": true])
            #expect(demoted.status == .unprocessableEntity && demoted.json["field"] as? String == "role")
            try await admin.expect(.ok, .PUT, "/api/v1/users/\(me)", json: ["displayName": "Administrator Sydby", "role": "administrator", "active": true])
        }
    }

    /// Two administrators change one user from the same version at once: one change is made, the
    /// other is refused, and neither answers 500.
    @Test(arguments: TestDatabase.available)
    func twoAdministratorsAtOnceOneWins(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let id = try await admin.expect(.created, .POST, "/api/v1/users", json: Self.newUser())["id"] as! String
            let second = try await admin.expect(.created, .POST, "/api/v1/users",
                                                json: Self.newUser("sydby.admin2", role: "administrator", team: nil))["username"] as! String
            let other = try await Self.firstSignIn(test, second)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for (client, name) in [(admin, "Anna A."), (other, "Anna B.")] {
                    group.addTask {
                        try await client.send(.PUT, "/api/v1/users/\(id)", json: ["displayName": name, "role": "caseworker", "team": "Team A", "active": true],
                                              headers: ["If-Match": "\"0\""]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .preconditionFailed], "\(statuses)")
            #expect(try await admin.expect(.ok, .GET, "/api/v1/users/\(id)")["version"] as? Int == 1)
        }
    }

    /// Each of two administrators takes the other's role at the same moment: one change wins, the
    /// other is refused, and the municipality keeps an administrator.
    @Test(arguments: TestDatabase.available)
    func twoAdministratorsDemotingEachOtherLeaveOne(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let admin = try await test.client("sydby.admin")
            let me = try await admin.expect(.ok, .GET, "/api/v1/auth/me")["id"] as! String
            let created = try await admin.expect(.created, .POST, "/api/v1/users", json: Self.newUser("sydby.admin2", role: "administrator", team: nil))
            let other = try await Self.firstSignIn(test, created["username"] as! String)
            let demotions = [(admin, created["id"] as! String), (other, me)]
            let answers = try await withThrowingTaskGroup(of: (HTTPResponseStatus, String?).self) { group in
                for (client, target) in demotions {
                    group.addTask {
                        let response = try await client.send(.PUT, "/api/v1/users/\(target)", json: ["displayName": "Tidligere administrator", "role": "analyst",
                                                                                                    "active": true])
                        let field = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                        return (response.status, field?["field"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // The loser is refused by the rule, or, when the winner had finished before its request
            // was even read, as an administrator no more.
            let loser = try #require(answers.filter { $0.0 != .ok }.first, "both demotions went through: \(answers)")
            #expect(loser.0 == .unprocessableEntity ? loser.1 == "role" : [403, 404].contains(loser.0.code), "\(answers)")
            let administrators = try await (test.app.db as! any SQLDatabase).select().column("id").from("users")
                .where("municipality_id", .equal, test.sydby.id.rawValue).where("role", .equal, "administrator").where("active", .equal, true).all()
            #expect(administrators.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func thePagesCreateAndChangeAUser(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            var page = try await PageClient.signedIn(test, "sydby.admin")
            #expect(try await page.get("/").headers.first(name: .location) == "/users")
            let list = try await page.get("/users").body.string
            #expect(list.contains(#"data-username="sydby.caseworker""#) && !list.contains("nordby."))

            let wrong = try await page.post("/users", ["username": "Anna", "displayName": "Anna", "role": "caseworker", "team": "", "password": "kort"])
            #expect(wrong.status == .unprocessableEntity)
            let shown = wrong.body.string
            #expect(shown.contains(#"id="username-error""#) && shown.contains(#"id="password-error""#) && shown.contains(#"value="Anna""#))
            #expect(!shown.contains(#"value="kort""#))

            let noTeam = try await page.post("/users", ["username": "sydby.anna", "displayName": "Anna", "role": "caseworker", "password": Self.newPassword])
            #expect(noTeam.status == .unprocessableEntity && noTeam.body.string.contains(#"id="team-error""#))
            let created = try await page.post("/users", ["username": "sydby.anna", "displayName": "Anna", "role": "caseworker", "team": "Team A",
                                                        "password": Self.newPassword])
            #expect(created.status == .seeOther && created.headers.first(name: .location) == "/users?notice=created")
            let taken = try await page.post("/users", ["username": "sydby.anna", "displayName": "Anna", "role": "caseworker", "team": "Team A",
                                                      "password": Self.newPassword])
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains(#"id="username-error""#))

            let admin = try await test.client("sydby.admin")
            let id = try await Self.id(of: "sydby.anna", admin)
            let form = try await page.get("/users/\(id)/edit").body.string
            #expect(form.contains(#"name="version" value="0""#) && form.contains(#"id="password-form""#))
            let saved = try await page.post("/users/\(id)", ["displayName": "Anna Andersen", "role": "team-leader", "team": "Team A", "active": "true",
                                                            "version": "0"])
            #expect(saved.status == .seeOther)
            let stale = try await page.post("/users/\(id)", ["displayName": "Gammel", "role": "caseworker", "team": "Team A", "active": "true",
                                                            "version": "0"])
            #expect(stale.status == .conflict && stale.body.string.contains(#"id="user-changed-meanwhile""#)
                    && stale.body.string.contains(#"value="Anna Andersen""#))
            #expect(try await page.post("/users/\(id)", ["displayName": "Uden version", "role": "caseworker", "team": "Team A", "active": "true"]).status == .badRequest)
            #expect(try await page.post("/users/\(id)/password", ["password": "et andet kodeord uden version"]).status == .badRequest)
            let reset = try await page.post("/users/\(id)/password", ["password": "  spaces count too, as typed  ", "version": "1"])
            #expect(reset.status == .seeOther, "\(reset.body.string)")
            _ = try await Self.firstSignIn(test, "sydby.anna", password: "  spaces count too, as typed  ")

            var worker = try await PageClient.signedIn(test, "sydby.caseworker")
            #expect(try await worker.get("/users").status == .forbidden)
            var nordby = try await PageClient.signedIn(test, "nordby.admin")
            #expect(try await nordby.get("/users/\(id)/edit").status == .notFound)
        }
    }

    static func id(of username: String, _ admin: TestApp.Client) async throws -> String {
        let items = try await admin.expect(.ok, .GET, "/api/v1/users")["items"] as! [[String: Any]]
        return items.first { $0["username"] as? String == username }?["id"] as? String ?? ""
    }

    static func lastEntry(_ test: TestApp) async throws -> (action: String, role: String, purpose: String, subject: String) {
        let row = try await (test.app.db as! any SQLDatabase)
            .raw("SELECT action, actor_role, purpose, subject FROM audit_entries ORDER BY at DESC, sequence DESC LIMIT 1").first()!
        return (try row.decode(column: "action", as: String.self), try row.decode(column: "actor_role", as: String.self),
                try row.decode(column: "purpose", as: String.self), try row.decode(column: "subject", as: String.self))
    }
}
