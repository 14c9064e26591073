import Foundation
import OmsorgDomain
import OmsorgStore
@testable import OmsorgApp
@testable import OmsorgWeb
import Testing
import Vapor
import VaporTesting

/// A fixed clock for the API tests: Monday 3 June 2024, 10:00 in Copenhagen.
let testNow = ISO8601DateFormatter().date(from: "2024-06-03T08:00:00Z")!

/// A running application on a fresh database with two municipalities and their staff.
struct TestApp {
    let app: Application
    let sydby: Municipality
    let nordby: Municipality
    static let password = "correct horse battery staple"

    /// Builds the application through the same composition root as the service, runs `body`,
    /// and removes the database again.
    static func run(on database: TestDatabase, now: @escaping @Sendable () -> Date = { testNow },
                    _ body: (TestApp) async throws -> Void) async throws {
        try await run(on: database, servers: 1, now: now) { try await body($0[0]) }
    }

    /// Several servers on one database, as behind a load balancer: the first one migrates and adds
    /// the staff, and every one is built through the composition root.
    static func run(on database: TestDatabase, servers: Int, now: @escaping @Sendable () -> Date = { testNow },
                    _ body: ([TestApp]) async throws -> Void) async throws {
        let (location, cleanUp) = try await database.provision()
        var configuration = OmsorgConfiguration(database: location)
        configuration.passwordCost = 4
        configuration.now = now
        configuration.web.maxBodyBytes = 16 * 1024
        var apps: [Application] = []
        do {
            for index in 0..<servers {
                let app = try await Application.make(.testing)
                apps.append(app)
                try await configure(app, with: configuration)
                if index == 0 && !location.isEmbedded { try await app.autoMigrate() }
            }
            let first = try await TestApp(app: apps[0])
            try await body([first] + apps.dropFirst().map { TestApp(app: $0, sharing: first) })
        } catch {
            for app in apps { try? await app.asyncShutdown() }
            try? await cleanUp()
            throw error
        }
        for app in apps { try await app.asyncShutdown() }
        try await cleanUp()
    }

    private init(app: Application, sharing first: TestApp) {
        self.app = app
        sydby = first.sydby
        nordby = first.nordby
    }

    private init(app: Application) async throws {
        self.app = app
        sydby = Municipality(code: "9901", name: "Sydby")
        nordby = Municipality(code: "9902", name: "Nordby")
        let staff = StaffRepository(app.db)
        let hash = try await app.passwordHasher.hash(Self.password)
        for municipality in [sydby, nordby] {
            try await staff.createMunicipality(municipality)
            let prefix = municipality.name.lowercased()
            let users: [(String, Role, String?)] = [
                ("caseworker", .caseworker, "Team A"), ("caseworker2", .caseworker, "Team A"),
                ("other-team", .caseworker, "Team B"), ("leader", .teamLeader, "Team A"), ("manager", .manager, nil),
                ("admin", .administrator, nil), ("no-team", .caseworker, nil),
            ]
            for (name, role, team) in users {
                try await staff.createUser(StaffUser(municipalityID: municipality.id, username: "\(prefix).\(name)",
                                                     displayName: name, role: role, team: team), passwordHash: hash)
            }
        }
    }

    /// Signs in and returns a client that sends the bearer token.
    func client(_ username: String, password: String = TestApp.password) async throws -> Client {
        let response = try await send(.POST, "/api/v1/auth/login", json: ["username": username, "password": password])
        #expect(response.status == .ok, "login of \(username): \(response.body.string)")
        let token = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
        return Client(test: self, token: token["token"] as! String)
    }

    func send(_ method: HTTPMethod, _ path: String, json: Any? = nil, raw: String? = nil, token: String? = nil,
              contentType: HTTPMediaType = .json, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)) }
        if let raw { body = ByteBuffer(string: raw) }
        if body != nil { headers.contentType = contentType }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body) { result = $0 }
        return result!
    }

    struct Client {
        let test: TestApp
        let token: String

        func send(_ method: HTTPMethod, _ path: String, json: Any? = nil, raw: String? = nil,
                  contentType: HTTPMediaType = .json, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
            try await test.send(method, path, json: json, raw: raw, token: token, contentType: contentType, headers: headers)
        }

        /// Sends and expects `status`; returns the JSON body.
        @discardableResult
        func expect(_ status: HTTPResponseStatus, _ method: HTTPMethod, _ path: String, json: Any? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
            let response = try await send(method, path, json: json)
            #expect(response.status == status, "\(method) \(path): \(response.body.string)", sourceLocation: sourceLocation)
            return response.json
        }
    }
}

extension TestingHTTPResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
}

/// An instant `hours` after the fixed test clock, as the API writes it.
func at(hours: Double) -> String {
    ISO8601DateFormatter().string(from: testNow.addingTimeInterval(hours * 3600))
}

func report(personNumber: String = "650514-4854", receivedAt: String = at(hours: -2), kind: String = "professional") -> [String: Any] {
    [
        "child": ["personNumber": personNumber, "name": "Testbarn Demo", "schoolOrDaycare": "Byskolen"],
        "notifier": kind == "anonymous" ? ["kind": kind] : ["kind": kind, "name": "Lærer", "organisation": "Byskolen"],
        "receivedAt": receivedAt,
        "description": "Barnet kommer ofte sultent i skole.",
    ]
}
