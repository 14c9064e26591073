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
    /// The first municipality also runs early detection on a synthetic population this large.
    var detectionInhabitants = 20_000

    /// Seeds unless the database already has municipalities; returns whether it seeded.
    @discardableResult
    func seedIfEmpty() async throws -> Bool {
        guard try await !StaffRepository(app.db).hasMunicipalities() else { return false }
        let hash = try await app.passwordHasher.hash(Self.password)
        // One transaction: seeding is all or nothing, and SQLite commits once instead of per step,
        // so `serve --demo` answers within seconds.
        try await app.db.transaction { db in
            var random = SeededRandom(seed: 2024)
            for (code, name, prefix) in Self.municipalities {
                let municipality = Municipality(code: code, name: name)
                try await StaffRepository(db).createMunicipality(municipality)
                let caseworkers = try await createUsers(prefix: prefix, in: municipality, passwordHash: hash, on: db)
                try await createCases(in: municipality, caseworkers: caseworkers, random: &random, on: db)
            }
        }
        // After the cases' transaction: each extract loads in its own, as an operator's would.
        // The cases stand without it, so a failure here is told and the demo goes on.
        if let (code, _, _) = Self.municipalities.first, let municipality = try await StaffRepository(app.db).municipality(code: code) {
            do {
                try await DemoDetection(app: app, inhabitants: detectionInhabitants).seed(municipality)
            } catch {
                app.logger.warning("The demo's early detection was not seeded: \(String(describing: error))")
            }
        }
        return true
    }

    static var logins: [String] {
        municipalities.flatMap { _, name, prefix in
            Role.allCases.map { "\(name): \(prefix).\($0.rawValue) / \(password)" } + ["\(name): \(prefix).caseworker2 / \(password)"]
        }
    }

    private func createUsers(prefix: String, in municipality: Municipality, passwordHash hash: String,
                             on db: any Database) async throws -> [StaffUser] {
        let staff = StaffRepository(db)
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

    private func createCases(in municipality: Municipality, caseworkers: [StaffUser], random: inout SeededRandom,
                             on db: any Database) async throws {
        let now = app.omsorg.now()
        for index in 0..<casesPerMunicipality {
            let caseworker = caseworkers[index % caseworkers.count]
            let access = Access(caseworker, purpose: .demoData)
            let target = DemoCase.Target.allCases[index % DemoCase.Target.allCases.count]
            var plan = DemoCase(target: target, now: now, random: &random)
            let child = DemoPeople.child(using: &random, now: now)
            // Some new reports wait unassigned in the team's tray, for the team leader to assign.
            let assignee = target == .intake && index % 4 == 0 ? nil : caseworker.id
            let received = try await CaseRepository(db, audit: app.auditWriter).receiveReport(plan.report(), about: child, access: access,
                                                                      assigningTo: assignee, now: now)
            let steps = plan.laterSteps(random: &random)
            if !steps.isEmpty {
                _ = try await CaseRepository(db, audit: app.auditWriter).record(steps, on: received.caseID, access: access, now: now)
            }
        }
    }
}
