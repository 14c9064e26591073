import FluentKit

/// The writers of this process's SQLite databases, one at a time, in the order they came.
///
/// SQLite has one writer per file. Left to SQLite, a writer waiting for the lock sleeps in its busy
/// handler on one of the few threads of the blocking pool, and a handful of them starve the writer
/// that holds the lock of a thread to finish on. Queueing here suspends a task instead of a thread;
/// SQLite's own wait is left for the rare writer in another process.
actor WriterQueue {
    static let sqlite = WriterQueue()

    /// The connection whose transaction this task is writing in, while it holds the queue.
    @TaskLocal static var connection: (any Database)?

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
