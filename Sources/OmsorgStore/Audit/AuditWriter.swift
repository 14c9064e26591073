import FluentKit

/// Stores the audit entries of reads in batches. A read's entry must be stored before the read
/// shows anything, and every store is a write: one transaction each would queue every page and API
/// read of the service behind SQLite's one writer. Instead the entries that arrive while a batch
/// is being written wait for the next one, and a whole batch is one transaction, so a busy
/// service writes few, larger transactions. Each caller still returns only once its own entry is
/// stored, or fails if it is not: no entry, no access.
public actor AuditWriter {
    private let db: any Database
    private var pending: [(entry: AuditEntry, stored: CheckedContinuation<Void, any Error>)] = []
    private var isWriting = false

    /// Writes to `db`, the application's database, from whichever request's entries arrive.
    public init(_ db: any Database) {
        self.db = db
    }

    /// Returns when `entry` is stored. A read that showed no child (an empty work tray) has
    /// nothing to record.
    func record(_ entry: AuditEntry) async throws {
        guard !entry.children.isEmpty else { return }
        try await withCheckedThrowingContinuation { stored in
            pending.append((entry, stored))
            if !isWriting {
                isWriting = true
                // Detached: the batch outlives this caller, and must not inherit a transaction it is in.
                Task.detached { await self.writeBatches() }
            }
        }
    }

    private func writeBatches() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                try await db.writing { tx in try await AuditLog.append(batch.map(\.entry), on: tx) }
                for waiter in batch { waiter.stored.resume() }
            } catch {
                for waiter in batch { waiter.stored.resume(throwing: error) }
            }
        }
        isWriting = false
    }
}
