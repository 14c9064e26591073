import Fluent
import NIOConcurrencyHelpers
import OmsorgStore
import Vapor

/// Keeps the audit log's per-child index filed while the service runs (`AuditIndex`): often
/// while it lags a batch or more behind, every second otherwise. Reads never wait for it; a
/// child's access log reads the entries not yet filed from the log itself.
final class AuditIndexing: LifecycleHandler {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ app: Application) async throws {
        let db = app.db
        let logger = app.logger
        task.withLockedValue { $0 = Task.detached { await Self.run(on: db, logger: logger) } }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { task in defer { task = nil }; return task }
        running?.cancel()
        await running?.value
    }

    private static func run(on db: any Database, logger: Logger) async {
        while !Task.isCancelled {
            var filed = 0
            do {
                filed = try await AuditIndex.catchUp(on: db)
            } catch {
                logger.warning("The audit log's per-child index did not catch up this time: \(String(reflecting: error))")
            }
            try? await Task.sleep(for: filed >= AuditIndex.batchSize ? .milliseconds(20) : .seconds(1))
        }
    }
}
