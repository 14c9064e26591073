import FluentKit
import Foundation
import OmsorgDomain
import SQLKit

extension AuditLog {
    /// A chain's head as it stood when an operator recorded it, kept outside the database: whoever
    /// can rewrite the database can rewrite its heads too, but not the operator's copy.
    public struct Checkpoint: Codable, Sendable, Equatable {
        public let municipality: Municipality.ID
        public let sequence: Int
        public let hash: String
        /// When the head entry was written (absent from files written before it was recorded): an
        /// entry that recent cannot have been deleted by retention yet.
        public var at: Date? = nil
    }

    /// The first thing wrong in a chain: where, and what happened there.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// The entry's content no longer gives its hash.
            case edited
            /// The entry does not follow its predecessor: one was put in, or the order changed.
            case inserted
            /// The sequence skips: entries are missing here.
            case deleted
            /// The chain ends before its head or a checkpoint: its last entries were removed.
            case truncated
            /// The chain has entries but no head: it cannot be told whether its end was cut off.
            case headMissing = "head missing"
            /// The per-child index says otherwise than the entry which children it names: a child's
            /// access log would hide the entry, or show one that is not the child's.
            case indexChanged = "index changed"
        }

        public let municipality: Municipality.ID
        public let sequence: Int
        public let kind: Kind

        public var description: String { "municipality \(municipality), entry \(sequence): \(kind.rawValue)" }
    }

    public struct Verification: Sendable, Equatable {
        public let entries: Int
        public let chains: Int
        public let firstBreak: Break?
    }

    /// Every chain's head now, for an operator to keep elsewhere (`omsorg audit checkpoint`).
    public static func checkpoints(on db: any Database) async throws -> [Checkpoint] {
        try await (db as! any SQLDatabase).raw("""
            SELECT h.municipality_id, h.sequence, h.hash, e.at FROM audit_heads h
            LEFT JOIN audit_entries e ON e.municipality_id = h.municipality_id AND e.sequence = h.sequence
            ORDER BY h.municipality_id
            """).all().map { row in
                Checkpoint(municipality: .init(try row.decode(column: "municipality_id", as: UUID.self)),
                           sequence: try row.decode(column: "sequence", as: Int.self), hash: try row.decode(column: "hash", as: String.self),
                           at: try row.decode(column: "at", as: Date?.self))
            }
    }

    /// Walks every chain from its first entry, against its head and against `checkpoints`, all
    /// read in one snapshot, so that entries appended meanwhile do not look like tampering.
    public static func verify(on db: any Database, checkpoints: [Checkpoint] = []) async throws -> Verification {
        let (heads, chains, index) = try await db.transaction { tx in
            if !tx.isSQLite {
                try await (tx as! any SQLDatabase).raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            return (try await Self.heads(on: tx), try await stored(on: tx), try await indexed(on: tx))
        }
        var firstBreak: Break?
        for municipality in Set(heads.keys).union(chains.keys).union(checkpoints.map(\.municipality)).sorted(by: { $0.description < $1.description }) {
            let chain = chains[municipality] ?? []
            let head = heads[municipality]
            let found = head == nil && !chain.isEmpty
                ? Break(municipality: municipality, sequence: chain.count, kind: .headMissing)
                : verify(chain, of: municipality, from: head?.pruned ?? .none,
                         against: checkpoints.filter { $0.municipality == municipality } + (head.map { [$0.checkpoint] } ?? []))
            firstBreak = firstBreak ?? found ?? index.firstBreak(in: chain, of: municipality)
        }
        return Verification(entries: chains.values.map(\.count).reduce(0, +), chains: chains.count, firstBreak: firstBreak)
    }

    /// Where a chain begins: after the last entry retention deleted (`Pruned.none` if it has deleted none).
    struct Pruned: Equatable {
        let through: Int
        let hash: String

        static let none = Pruned(through: 0, hash: genesis)

        /// How the retention run's own entry names the new beginning, so that a chain whose oldest
        /// entries were deleted without one is found out.
        var subject: String { "audit entries through \(through): \(hash)" }
    }

    private static func verify(_ chain: [Stored], of municipality: Municipality.ID, from pruned: Pruned, against recorded: [Checkpoint]) -> Break? {
        var previous = pruned.hash
        var hashes: [Int: String] = [pruned.through: pruned.hash]
        for (index, row) in chain.enumerated() {
            let expected = pruned.through + index + 1
            if row.sequence != expected { return Break(municipality: municipality, sequence: expected, kind: .deleted) }
            if row.hash != hash(row) { return Break(municipality: municipality, sequence: row.sequence, kind: .edited) }
            if row.previous != previous { return Break(municipality: municipality, sequence: row.sequence, kind: .inserted) }
            previous = row.hash
            hashes[row.sequence] = row.hash
        }
        let end = pruned.through + chain.count
        if pruned != .none {
            guard let prune = chain.first(where: { $0.action == AuditEntry.Action.pruneAuditLog.name && $0.subject == pruned.subject }) else {
                return Break(municipality: municipality, sequence: pruned.through, kind: .deleted)
            }
            // Retention keeps every entry for at least its shortest period: a checkpointed entry younger
            // than that at the prune, and gone, was deleted by someone posing as retention.
            let youngest = Double(prune.seconds) - Double(RetainedRecord.auditEntries.allowedDays.lowerBound) * 86_400
            if let early = recorded.first(where: { $0.sequence <= pruned.through && ($0.at?.timeIntervalSince1970 ?? -.infinity) > youngest }) {
                return Break(municipality: municipality, sequence: early.sequence, kind: .deleted)
            }
        }
        // A checkpoint of an entry retention has since deleted can no longer be checked.
        for checkpoint in recorded.sorted(by: { $0.sequence < $1.sequence }) where checkpoint.sequence >= pruned.through && checkpoint.sequence > 0 {
            guard let hash = hashes[checkpoint.sequence] else {
                return Break(municipality: municipality, sequence: end + 1, kind: .truncated)
            }
            if hash != checkpoint.hash { return Break(municipality: municipality, sequence: checkpoint.sequence, kind: .edited) }
        }
        // A head that lags the chain: entries were added without it, which the store never does.
        if let head = recorded.last, head.sequence < end {
            return Break(municipality: municipality, sequence: head.sequence + 1, kind: .inserted)
        }
        return nil
    }

    private static func heads(on db: any Database) async throws -> [Municipality.ID: (checkpoint: Checkpoint, pruned: Pruned)] {
        let rows = try await (db as! any SQLDatabase).select().columns("municipality_id", "sequence", "hash", "pruned_through", "pruned_hash")
            .from("audit_heads").all()
        return Dictionary(uniqueKeysWithValues: try rows.map { row in
            let municipality = Municipality.ID(try row.decode(column: "municipality_id", as: UUID.self))
            return (municipality, (Checkpoint(municipality: municipality, sequence: try row.decode(column: "sequence", as: Int.self),
                                              hash: try row.decode(column: "hash", as: String.self)),
                                   Pruned(through: try row.decode(column: "pruned_through", as: Int.self),
                                          hash: try row.decode(column: "pruned_hash", as: String.self))))
        })
    }

    private static func stored(on db: any Database) async throws -> [Municipality.ID: [Stored]] {
        let sql = db as! any SQLDatabase
        var chains: [Municipality.ID: [Stored]] = [:]
        for row in try await sql.select().columns(columns).from("audit_entries").orderBy("municipality_id").orderBy("sequence").all() {
            let municipality = try row.decode(column: "municipality_id", as: UUID.self)
            let sequence = try row.decode(column: "sequence", as: Int.self)
            // Stored to the second; a database may give it back a hair off.
            let seconds = Int(try row.decode(column: "at", as: Date.self).timeIntervalSince1970.rounded())
            let children = try row.decode(column: "children", as: String.self)
            chains[.init(municipality), default: []].append(Stored(
                sequence: sequence, seconds: seconds, municipality: Municipality.ID(municipality).description,
                actor: StaffUser.ID(try row.decode(column: "actor_id", as: UUID.self)).description,
                role: try row.decode(column: "actor_role", as: String.self), action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self), children: children.split(separator: ",").map(String.init),
                purpose: try row.decode(column: "purpose", as: String.self),
                previous: try row.decode(column: "previous_hash", as: String.self), hash: try row.decode(column: "hash", as: String.self)))
        }
        return chains
    }

    /// The per-child index as filed, and how far each chain is filed.
    struct Index {
        var through: [Municipality.ID: Int] = [:]
        /// Each child's filed entries, as the blocks list them, per chain.
        var filed: [Municipality.ID: [String: [Int]]] = [:]
        /// Blocks whose count or bounds do not match their own list.
        var inconsistent: [Municipality.ID: Int] = [:]

        /// The first entry the index files otherwise than the entry names its children: every
        /// entry up to `through` under each of its children, once; none after.
        func firstBreak(in chain: [Stored], of municipality: Municipality.ID) -> Break? {
            if let sequence = inconsistent[municipality] { return Break(municipality: municipality, sequence: sequence, kind: .indexChanged) }
            let through = through[municipality] ?? 0
            var expected: [String: [Int]] = [:]
            for entry in chain where entry.sequence <= through {
                for child in entry.children { expected[child, default: []].append(entry.sequence) }
            }
            let actual = (filed[municipality] ?? [:]).mapValues { $0.sorted() }
            let children = Set(expected.keys).union(actual.keys)
            let differing = children.compactMap { child -> Int? in
                let (want, have) = (expected[child] ?? [], actual[child] ?? [])
                guard want != have else { return nil }
                return zip(want, have).first { $0 != $1 }.map { min($0, $1) } ?? (want.count > have.count ? want[have.count] : have[want.count])
            }
            return differing.min().map { Break(municipality: municipality, sequence: $0, kind: .indexChanged) }
        }
    }

    private static func indexed(on db: any Database) async throws -> Index {
        let sql = db as! any SQLDatabase
        var index = Index()
        for row in try await sql.select().columns("municipality_id", "through").from("audit_indexed").all() {
            index.through[.init(try row.decode(column: "municipality_id", as: UUID.self))] = try row.decode(column: "through", as: Int.self)
        }
        let blocks = try await sql.select().columns("municipality_id", "child_id", "first_sequence", "last_sequence", "entries", "sequences")
            .from("audit_child_blocks").all()
        for row in blocks {
            let municipality = Municipality.ID(try row.decode(column: "municipality_id", as: UUID.self))
            let sequences = AuditIndex.sequences(try row.decode(column: "sequences", as: String.self))
            let (first, last) = (try row.decode(column: "first_sequence", as: Int.self), try row.decode(column: "last_sequence", as: Int.self))
            if sequences.count != (try row.decode(column: "entries", as: Int.self)) || sequences.min() != first || sequences.max() != last {
                index.inconsistent[municipality] = min(index.inconsistent[municipality] ?? first, first)
            }
            index.filed[municipality, default: [:]][Child.ID(try row.decode(column: "child_id", as: UUID.self)).description, default: []] += sequences
        }
        return index
    }
}
