import NIOPosix
import Vapor

/// bcrypt on a thread pool of its own. It is slow on purpose, and on the application's pool, which
/// the SQLite driver also uses, a flood of sign-ins stalled every other request's queries.
public struct PasswordHasher: Sendable {
    let pool: NIOThreadPool
    let cost: Int

    public func hash(_ password: String) async throws -> String {
        try await pool.runIfActive { [cost] in try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, created hash: String) async throws -> Bool {
        try await pool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// What an unknown username's password is checked against, so that the time taken does not tell
    /// it apart from a known one. It carries the configured cost, as the stored hashes do; no
    /// password matches it.
    var dummyHash: String {
        "$2b$" + String(format: "%02d", cost) + "$C6UzMDM.H6dfI/f/IKxGhuYdGlW1VYHNB5d0IU6AYdgFJ1y0c3QQe"
    }
}

extension Application {
    private struct PasswordHasherKey: StorageKey {
        typealias Value = PasswordHasher
    }

    public var passwordHasher: PasswordHasher {
        guard let hasher = storage[PasswordHasherKey.self] else { fatalError("installWeb(on:settings:) starts the password hasher") }
        return hasher
    }

    /// One thread: sign-ins queue for it rather than take the cores the queries need. Started once,
    /// at set-up, and shut down with the application.
    func startPasswordHasher(cost: Int) {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        storage.set(PasswordHasherKey.self, to: PasswordHasher(pool: pool, cost: cost), onShutdown: { try $0.pool.syncShutdownGracefully() })
    }
}
