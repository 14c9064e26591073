import Foundation
import OmsorgStore
@testable import OmsorgApp
@testable import OmsorgWeb
import Testing
import Vapor

@Suite("Service")
struct ServiceTests {
    /// Every route under /api/v1 is in the OpenAPI document, and the document has no route the
    /// service lacks. The pages are for people, not clients, and are not in it.
    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await TestApp.run(on: .sqlite) { test in
            let response = try await test.send(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let api = test.app.routes.all.filter { route in
                let first = route.path.first?.description
                return first == "api" || first == "health"
            }
            let registered = Set(api.map { route in
                let path = route.path.map { component -> String in
                    // The routes name parameters as Swift does (caseID), the document as the API spells fields (caseId).
                    if case .parameter(let name) = component { return "{\(name.hasSuffix("ID") ? name.dropLast(2) + "Id" : name)}" }
                    return component.description
                }.joined(separator: "/")
                return "\(route.method.rawValue) /\(path)"
            })
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but missing: \(documented.subtracting(registered).sorted())")
            let schemas = try #require((response.json["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            #expect(schemas["ProposalConsentRequest"]?["required"] as? [String] == ["sentOn"], "the proposal's consent request keeps its own body")
        }
    }

    @Test func healthAnswersWithoutSignIn() async throws {
        try await TestApp.run(on: .sqlite) { test in
            let response = try await test.send(.GET, "/health")
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "ok")
        }
    }

    @Test(arguments: TestDatabase.available)
    func migrationsRevertAndRunAgain(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            try await test.app.autoRevert()
            try await test.app.autoMigrate()
            #expect(try await StaffRepository(test.app.db).hasMunicipalities() == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theDemoHasEveryStageAndOverdueWork(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            try await test.app.autoRevert()
            try await test.app.autoMigrate()
            var seeder = DemoSeeder(app: test.app)
            seeder.casesPerMunicipality = 14
            #expect(try await seeder.seedIfEmpty())
            #expect(try await seeder.seedIfEmpty() == false)
            let worker = try await test.client("sydby.caseworker", password: DemoSeeder.password)
            let stages = Set((try await worker.expect(.ok, .GET, "/api/v1/cases")["items"] as! [[String: Any]]).map { $0["stage"] as! String })
            #expect(stages == ["intake", "investigation", "decision", "measures", "ready-to-close", "closed"])
            let tray = try await worker.expect(.ok, .GET, "/api/v1/worktray")
            #expect((tray["overdue"] as! Int) > 0)
            // Sydby runs early detection: its worklist has families proposed, Nordby's has none.
            #expect(!(try await worker.expect(.ok, .GET, "/api/v1/proposals")["items"] as! [[String: Any]]).isEmpty)
            let nordby = try await test.client("nordby.caseworker", password: DemoSeeder.password)
            #expect((try await nordby.expect(.ok, .GET, "/api/v1/proposals")["items"] as! [[String: Any]]).isEmpty)
        }
    }

    @Test func theCommandLineReadsTheDatabaseOption() throws {
        let (postgres, rest) = try OmsorgConfiguration.parse(arguments: ["omsorg", "serve", "--database", "postgres://u:p@db:5432/omsorg", "--port", "9000"], environment: [:])
        #expect(postgres.database == .postgres(url: "postgres://u:p@db:5432/omsorg"))
        #expect(rest == ["omsorg", "serve", "--port", "9000"])
        #expect(!postgres.database.description.contains(":p@"))
        let (fallback, _) = try OmsorgConfiguration.parse(arguments: ["omsorg", "serve", "--demo"], environment: [:])
        #expect(fallback.database == .sqliteFile(path: "omsorg.sqlite"))
        #expect(fallback.seedDemo)
        let (fromEnvironment, _) = try OmsorgConfiguration.parse(arguments: ["omsorg"], environment: ["DATABASE_URL": "postgres://h/db"])
        #expect(fromEnvironment.database == .postgres(url: "postgres://h/db"))
        #expect(throws: (any Error).self) { try OmsorgConfiguration.parse(arguments: ["omsorg", "serve", "--database"], environment: [:]) }
    }

    @Test func productionRefusesToStartWithoutThePseudonymSecret() async throws {
        let app = try await Application.make(.production)
        await #expect(throws: (any Error).self) {
            try await configure(app, with: OmsorgConfiguration(database: .sqliteMemory))
        }
        try await app.asyncShutdown()
        let (configured, _) = try OmsorgConfiguration.parse(arguments: ["omsorg"], environment: ["OMSORG_PSEUDONYM_SECRET": "s3cret"])
        #expect(configured.pseudonymSecret == "s3cret")
    }

    @Test func postgresIsConfiguredWhereItIsRequired() {
        #expect(!TestDatabase.postgresRequired || TestDatabase.postgresURL != nil,
                "scripts/test.sh sets OMSORG_TEST_POSTGRES_URL; without it the store suite ran on SQLite only")
    }
}
