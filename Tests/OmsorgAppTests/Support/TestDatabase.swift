import FluentPostgresDriver
import Foundation
import OmsorgStore
import OmsorgApp
import Vapor

/// The databases every store and API test runs against: SQLite always, PostgreSQL when
/// `OMSORG_TEST_POSTGRES_URL` names a server (scripts/test.sh starts one and sets it).
enum TestDatabase: String, CustomStringConvertible, Sendable, CaseIterable {
    case sqlite
    case postgres

    /// The one place the tests read the environment.
    static let postgresURL = ProcessInfo.processInfo.environment["OMSORG_TEST_POSTGRES_URL"]
    static let postgresRequired = ProcessInfo.processInfo.environment["OMSORG_TEST_REQUIRE_POSTGRES"] == "1"

    static var available: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var description: String { rawValue }

    /// A fresh, empty database for one test, and how to remove it afterwards. SQLite is a file, as
    /// the service uses it: an in-memory database shares one cache between connections, which locks
    /// tables instead of waiting for the writer, and so would test something the service never runs.
    func provision() async throws -> (DatabaseLocation, cleanUp: @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omsorg-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return (.sqliteFile(path: folder.appendingPathComponent("omsorg.sqlite").path), { try FileManager.default.removeItem(at: folder) })
        case .postgres:
            let base = try require(Self.postgresURL)
            let name = "omsorg_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await Self.admin(base, "CREATE DATABASE \(name)")
            var url = URLComponents(string: base)!
            url.path = "/\(name)"
            return (.postgres(url: url.string!), { try await Self.admin(base, "DROP DATABASE \(name) WITH (FORCE)") })
        }
    }

    /// Runs a CREATE or DROP DATABASE, retrying briefly: tests running in parallel create and drop
    /// databases at the same moment. A last failure is reported with PostgreSQL's own message.
    private static func admin(_ url: String, _ statement: String) async throws {
        let app = try await Application.make(.testing)
        var failure: (any Error)?
        do {
            app.databases.use(try .postgres(url: url), as: .psql)
            for attempt in 1...5 {
                do {
                    try await (app.db as! any SQLDatabase).raw(SQLQueryString(statement)).run()
                    failure = nil
                    break
                } catch {
                    failure = error
                    try await Task.sleep(for: .milliseconds(200 * attempt))
                }
            }
        } catch {
            failure = error
        }
        try await app.asyncShutdown()
        if let failure { throw Abort(.internalServerError, reason: "\(statement): \(String(reflecting: failure))") }
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw Abort(.internalServerError, reason: "OMSORG_TEST_POSTGRES_URL is not set") }
    return value
}
