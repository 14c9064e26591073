import Foundation
@testable import OmsorgWeb
import Testing
import Vapor
import VaporTesting

/// Every registered route of the API and the pages, asked by every kind of caller about one case of
/// Sydby's Team A: what each may reach, what is hidden from them (404), refused by role (403), or
/// asks them to sign in. A new route lands in the matrix by being registered, and fails it unless
/// its answers follow the roles of DESIGN.md.
@Suite("Access matrix")
struct AccessMatrixTests {
    /// Who asks: by role, municipality and team, as seen from the case.
    enum Caller: String, CaseIterable, CustomStringConvertible {
        case caseworker = "sydby.caseworker"
        case teamLeader = "sydby.leader"
        case otherTeam = "sydby.other-team"
        case noTeam = "sydby.no-team"
        case manager = "sydby.manager"
        case administrator = "sydby.admin"
        case otherMunicipality = "nordby.caseworker"
        case otherAdministrator = "nordby.admin"
        case anonymous = ""

        var description: String { self == .anonymous ? "anonymous" : rawValue }
        var worksTheCase: Bool { self == .caseworker || self == .teamLeader }
        var worksCases: Bool { [.caseworker, .teamLeader, .otherTeam, .noTeam, .otherMunicipality].contains(self) }
    }

    /// What a caller meets: the route's answer (any status but these four), or one of the refusals.
    enum Answer: String, CustomStringConvertible {
        case reached, hidden, refused, signIn = "sign in"
        var description: String { rawValue }

        init(_ status: HTTPResponseStatus, location: String?) {
            switch status.code {
            case 401: self = .signIn
            case 303 where location == "/sign-in": self = .signIn
            case 403: self = .refused
            case 404: self = .hidden
            default: self = .reached
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyRouteAnswersEachCallerAsItsRoleAllows(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String
            let childID = ((created["case"] as! [String: Any])["child"] as! [String: Any])["id"] as! String
            let family = try await worker.expect(.created, .POST, "/api/v1/cases/\(caseID)/family-members",
                                                 json: ["name": "Mor", "relation": "mother", "hasCustody": true, "livesWithChild": true])
            let memberID = (family["family"] as! [[String: Any]])[0]["id"] as! String
            let colleague = try await (try await test.client("sydby.caseworker2")).expect(.ok, .GET, "/api/v1/auth/me")["id"] as! String
            let proposalID = try await ConsentGateTests.propose(test)
            let values = ["caseID": caseID, "childID": childID, "memberID": memberID, "kind": "child-conversation", "userID": colleague,
                          "proposalID": proposalID, "action": "take"]
            let reportID = (created["case"] as! [String: Any])["reports"].flatMap { ($0 as? [[String: Any]])?.first?["id"] as? String } ?? ""
            let bodies = Self.validBodies(caseID: caseID, memberID: memberID, reportID: reportID, colleague: colleague, proposalID: proposalID)

            var cells = 0
            var wrong: [String] = []
            for route in test.app.routes.all {
                guard let path = Self.path(of: route, values: values) else { continue }
                // Signing in is the sign-in limit's to test: failed sign-ins here would lock the callers out.
                if route.method == .POST && ["/sign-in", "/sign-in/password", "/api/v1/auth/login", "/api/v1/auth/password"].contains(path) { continue }
                let isPage = !path.hasPrefix("/api/") && path != "/health"
                for caller in Caller.allCases {
                    // Signing out ends the caller's session; each cell signs in afresh.
                    let response = try await Self.send(route.method, path, body: bodies[path] ?? [:], as: caller, isPage: isPage, test)
                    #expect(response.status.code < 500, "\(route.method) \(path) as \(caller): \(response.status)")
                    let answer = Answer(response.status, location: response.headers.first(name: .location))
                    let expected = Self.expected(route.method, path, caller, isPage: isPage)
                    cells += 1
                    if answer == expected { continue }
                    // A page's form is checked before its case is looked up: refused alike for a case that
                    // does not exist, it tells the caller nothing about this one. (The API's writes are sent
                    // valid bodies, so that they reach the case.)
                    if expected == .hidden, isPage, route.method != .GET, path.contains(caseID) {
                        let elsewhere = try await Self.send(route.method, path.replacingOccurrences(of: caseID, with: UUID().uuidString), body: [:],
                                                            as: caller, isPage: isPage, test)
                        if elsewhere.status == response.status { continue }
                    }
                    wrong.append("\(route.method) \(path) as \(caller): \(answer) (\(response.status.code)), expected \(expected)")
                }
            }
            #expect(wrong.isEmpty, "\(wrong.count) of \(cells) cells differ:\n\(wrong.joined(separator: "\n"))")
            #expect(cells >= 40 * Caller.allCases.count, "\(cells) cells")
        }
    }

    /// The roles of DESIGN.md, route by route.
    static func expected(_ method: HTTPMethod, _ path: String, _ caller: Caller, isPage: Bool) -> Answer {
        let open = ["/health", "/api/v1/openapi.json", "/sign-in", "/language"]
        if open.contains(path) || path.hasPrefix("/assets/") { return .reached }
        // Signing out, signed in or not, ends on the sign-in page.
        if caller == .anonymous || path == "/sign-out" { return .signIn }
        if ["/", "/api/v1/auth/me", "/api/v1/auth/logout", "/worktray"].contains(path) { return .reached }
        if path.contains("/access-log") {
            if caller == .manager { return .refused }
            return caller.worksTheCase || caller == .administrator ? .reached : .hidden
        }
        if path.hasPrefix("/users") || path.hasPrefix("/api/v1/users") {
            guard caller == .administrator || caller == .otherAdministrator else { return .refused }
            // Another municipality's user is not found; the list and the new-user form are the caller's own.
            let namesAUser = path.split(separator: "/").contains { UUID(uuidString: String($0)) != nil }
            return namesAUser && caller == .otherAdministrator ? .hidden : .reached
        }
        // The model and its card hold no personal data: every member of staff may read them.
        if path == "/models" { return .reached }
        guard caller.worksCases else { return .refused }
        if path.contains("/proposals/") { return expectedOfAProposal(method, path, caller) }
        // Only a team leader assigns: anyone else is refused by role before any case is looked up.
        if path.hasSuffix("/assignment") { return caller == .teamLeader ? .reached : .refused }
        if path.contains("/cases/") { return caller.worksTheCase ? .reached : .hidden }
        return .reached
    }

    /// A proposal of Sydby's, open: the municipality's case workers reach it (a step by someone who
    /// does not hold it is a conflict, which reaches the rules), only caseworkers take it, and the
    /// family's cases are hidden from everyone, as no consent is recorded.
    static func expectedOfAProposal(_ method: HTTPMethod, _ path: String, _ caller: Caller) -> Answer {
        if caller == .otherMunicipality || path.contains("/cases") { return .hidden }
        if path.hasSuffix("/take") && caller == .teamLeader { return .refused }
        return .reached
    }

    /// The route's path with its parameters filled in, or nil for a route no caller can name.
    static func path(of route: Route, values: [String: String]) -> String? {
        var parts: [String] = []
        for component in route.path {
            switch component {
            case .constant(let text): parts.append(text)
            case .parameter(let name):
                guard let value = values[name] else { return nil }
                parts.append(value)
            case .anything, .catchall: return nil
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A body each API write accepts as to its form, so that the request goes on to its case: the
    /// step table's fields filled in by kind, and the other writes' own.
    static func validBodies(caseID: String, memberID: String, reportID: String, colleague: String, proposalID: String) -> [String: [String: Any]] {
        var bodies: [String: [String: Any]] = [
            "/api/v1/reports-of-concern": report(personNumber: "650514-4862"),
            "/api/v1/cases/\(caseID)/assignment": ["caseworkerId": colleague],
            // The colleague stays as they are: the other cells go on signing them in.
            "/api/v1/users/\(colleague)": ["displayName": "caseworker2", "role": "caseworker", "team": "Team A", "active": true],
            "/api/v1/users/\(colleague)/password": ["password": TestApp.password],
            "/api/v1/users": ["username": "sydby.new-colleague", "displayName": "Ny kollega", "role": "manager", "password": TestApp.password],
        ]
        let member: [String: Any] = ["name": "Far", "relation": "father", "hasCustody": true, "livesWithChild": false]
        bodies["/api/v1/cases/\(caseID)/family-members"] = member
        bodies["/api/v1/cases/\(caseID)/family-members/\(memberID)"] = member
        let proposal = "/api/v1/proposals/\(proposalID)/"
        bodies[proposal + "dismissal"] = ["reason": "Kendt familie"]
        bodies[proposal + "consent-request"] = ["sentOn": "2024-06-03"]
        bodies[proposal + "consent-answer"] = ["answer": "given", "answeredOn": "2024-06-03"]
        bodies[proposal + "relevance"] = ["relevance": "unclear"]
        bodies[proposal + "efforts"] = ["child": "c2", "offer": "Familiesamtaler", "provider": "Sundhedsplejen", "goals": ["Mål"], "startDate": "2024-06-03"]
        for step in StepTable.all {
            var body: [String: Any] = [:]
            for field in step.fields where !field.optional {
                body[field.name] = switch field.kind {
                case .text, .longText: "Tekst"
                case .instant: at(hours: -1)
                case .date: "2024-06-01"
                case .bool: false
                case .integer(let range): range.lowerBound
                case .choice(let values): values[0]
                case .report: reportID
                case .measure: UUID().uuidString
                case .goals: [["description": "Mål"]]
                case .goalAttainment: [[String: Any]]()
                }
            }
            bodies["/api/v1/cases/\(caseID)/" + step.path.joined(separator: "/")] = body
        }
        return bodies
    }

    static func send(_ method: HTTPMethod, _ path: String, body: [String: Any], as caller: Caller, isPage: Bool,
                     _ test: TestApp) async throws -> TestingHTTPResponse {
        guard isPage else {
            let token = caller == .anonymous ? nil : try await test.client(caller.rawValue).token
            return try await test.send(method, path, json: method == .GET ? nil : body, token: token)
        }
        var client = caller == .anonymous ? PageClient(test) : try await PageClient.signedIn(test, caller.rawValue)
        // A page the caller can open, for the form token a browser would hold.
        try await client.get(caller == .anonymous ? "/sign-in" : "/worktray")
        return method == .GET ? try await client.get(path) : try await client.post(path, [:])
    }
}
