import Fluent
import OmsorgDetection
import OmsorgDomain
import OmsorgStore
import Vapor

/// Two demo municipalities with a user for every role and cases in every stage of the flow, some of
/// them with overdue deadlines. Cases are built through the same repository and rules as real work.
struct DemoSeeder {
    static let password = "demo-password"
    static let municipalities = [("9901", "Sydby Kommune (demo)", "sydby"), ("9902", "Nordby Kommune (demo)", "nordby")]
    static let team = "Børn og Familie"

    let app: Application
    var casesPerMunicipality = 100

    /// Seeds unless the database already has municipalities; returns whether it seeded.
    @discardableResult
    func seedIfEmpty() async throws -> Bool {
        let staff = StaffRepository(app.db)
        guard try await !staff.hasMunicipalities() else { return false }
        var random = SeededRandom(seed: 2024)
        for (code, name, prefix) in Self.municipalities {
            let municipality = Municipality(code: code, name: name)
            try await staff.createMunicipality(municipality)
            let caseworkers = try await createUsers(prefix: prefix, in: municipality)
            try await createCases(in: municipality, caseworkers: caseworkers, random: &random)
        }
        return true
    }

    static var logins: [String] {
        municipalities.flatMap { _, name, prefix in
            Role.allCases.map { "\(name): \(prefix).\($0.rawValue) / \(password)" } + ["\(name): \(prefix).caseworker2 / \(password)"]
        }
    }

    private func createUsers(prefix: String, in municipality: Municipality) async throws -> [StaffUser] {
        let staff = StaffRepository(app.db)
        let hash = try await app.password.async.hash(Self.password)
        var caseworkers: [StaffUser] = []
        let people = Role.allCases.map { ($0.rawValue, $0) } + [("caseworker2", .caseworker)]
        for (suffix, role) in people {
            let user = StaffUser(municipalityID: municipality.id, username: "\(prefix).\(suffix)",
                                 displayName: "\(suffix.capitalized) (\(municipality.name))", role: role,
                                 team: role.worksCases ? Self.team : nil)
            try await staff.createUser(user, passwordHash: hash)
            if role == .caseworker { caseworkers.append(user) }
        }
        return caseworkers
    }

    private func createCases(in municipality: Municipality, caseworkers: [StaffUser], random: inout SeededRandom) async throws {
        let now = app.omsorg.now()
        for index in 0..<casesPerMunicipality {
            let caseworker = caseworkers[index % caseworkers.count]
            let scope = AccessScope(caseworker)
            let target = DemoCase.Target.allCases[index % DemoCase.Target.allCases.count]
            var plan = DemoCase(target: target, now: now, random: &random)
            let child = DemoPeople.child(using: &random, now: now)
            let received = try await CaseRepository(app.db).receiveReport(plan.report(), about: child, scope: scope, by: caseworker.id, now: now)
            for step in plan.laterSteps(random: &random) {
                _ = try await CaseRepository(app.db).record(step, on: received.caseID, scope: scope, by: caseworker.id, now: now)
            }
        }
    }
}
