import Foundation
@testable import OmsorgApp
@testable import OmsorgWeb
import Testing
import Vapor
import VaporTesting

/// The sign-in limit under parallel guesses and behind a proxy, and where bcrypt runs.
@Suite("Sign-in limit")
struct SignInLimitTests {
    /// However the guesses are spread over time, no more wrong passwords are checked in a window
    /// than the limit allows; the others are refused without a check.
    @Test(arguments: TestDatabase.available)
    func parallelGuessesCheckNoMoreWrongPasswordsThanTheLimit(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let limit = test.app.web.loginFailureLimit
            let flood = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await Self.login(test, "sydby.caseworker", password: "wrong").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(flood.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests }, "\(flood)")
            var checked = flood.count { $0 == .unauthorized }
            #expect(checked <= limit, "\(flood)")
            // Those refused as busy may try again; only as many checks as the limit leaves are made.
            while try await Self.login(test, "sydby.caseworker", password: "wrong").status == .unauthorized { checked += 1 }
            #expect(checked == limit)
            let right = try await Self.login(test, "sydby.caseworker", password: TestApp.password)
            #expect(right.status == .tooManyRequests)
            #expect(Int(right.headers.first(name: "Retry-After") ?? "") ?? 0 > 60)
        }
    }

    @Test func theAddressComesFromForwardedForOnlyWhenTrusted() async throws {
        try await TestApp.run(on: .sqlite) { test async throws in
            for index in 0..<5 {
                #expect(try await Self.login(test, "nobody\(index)", password: "wrong", forwardedFor: "10.0.0.\(index)").status == .unauthorized)
            }
            // Untrusted, the header is the client's word: a new one for every guess changes nothing.
            #expect(try await Self.login(test, "sydby.caseworker", forwardedFor: "10.0.0.9").status == .tooManyRequests)
        }
        try await TestApp.run(on: .sqlite) { test async throws in
            test.app.web.trustForwardedFor = true
            for index in 0..<5 {
                #expect(try await Self.login(test, "nobody\(index)", password: "wrong", forwardedFor: "10.0.0.1").status == .unauthorized)
            }
            #expect(try await Self.login(test, "sydby.caseworker", forwardedFor: "10.0.0.1").status == .tooManyRequests)
            // The proxy appends the address it saw; what the client put before it does not count.
            #expect(try await Self.login(test, "sydby.caseworker", forwardedFor: "10.0.0.2, 10.0.0.1").status == .tooManyRequests)
            #expect(try await Self.login(test, "sydby.caseworker", forwardedFor: "10.0.0.1, 10.0.0.2").status == .ok)
        }
    }

    @Test func trustInForwardedForIsSwitchedOnByTheEnvironmentOnly() throws {
        let (plain, _) = try OmsorgConfiguration.parse(arguments: ["omsorg"], environment: [:])
        #expect(!plain.web.trustForwardedFor)
        let (proxied, _) = try OmsorgConfiguration.parse(arguments: ["omsorg"], environment: ["OMSORG_TRUST_FORWARDED_FOR": "1"])
        #expect(proxied.web.trustForwardedFor)
    }

    /// Structural, not timed: bcrypt does not run on the pool the SQLite driver uses (the speed is
    /// measured in bench/).
    @Test func passwordsAreHashedOnAPoolOfTheirOwnAtTheConfiguredCost() async throws {
        try await TestApp.run(on: .sqlite) { test async throws in
            let hasher = test.app.passwordHasher
            #expect(hasher.pool !== test.app.threadPool)
            let hash = try await hasher.hash("secret")
            #expect(hash.hasPrefix("$2b$04$"))
            #expect(try await hasher.verify("secret", created: hash))
            #expect(hasher.dummyHash.hasPrefix("$2b$04$"))
            #expect(try await hasher.verify("secret", created: hasher.dummyHash) == false)
        }
    }

    static func login(_ test: TestApp, _ username: String, password: String = TestApp.password,
                      forwardedFor: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let forwardedFor { headers.add(name: .xForwardedFor, value: forwardedFor) }
        let body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["username": username, "password": password]))
        var result: TestingHTTPResponse?
        try await test.app.testing().test(.POST, "/api/v1/auth/login", headers: headers, body: body) { result = $0 }
        return try #require(result)
    }
}
