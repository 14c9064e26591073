import NIOPosix
import Vapor

/// bcrypt on a thread pool of its own. It is slow on purpose, and on the application's pool, which
/// the SQLite driver also uses, a flood of sign-ins stalled every other request's queries.
struct PasswordHasher: Sendable {
    let pool: NIOThreadPool

    func verify(_ password: String, created hash: String) async throws -> Bool {
        try await pool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}

extension Application {
    private struct PasswordHasherKey: StorageKey {
        typealias Value = PasswordHasher
    }

    var passwordHasher: PasswordHasher {
        guard let hasher = storage[PasswordHasherKey.self] else { fatalError("installWeb(on:settings:) starts the password hasher") }
        return hasher
    }

    /// One thread: sign-ins queue for it rather than take the cores the queries need. Started once,
    /// at set-up, and shut down with the application.
    func startPasswordHasher() {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        storage.set(PasswordHasherKey.self, to: PasswordHasher(pool: pool), onShutdown: { try $0.pool.syncShutdownGracefully() })
    }
}
