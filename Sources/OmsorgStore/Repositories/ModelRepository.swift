import FluentKit
import Foundation
import OmsorgDetection
import OmsorgDomain
import SQLKit

/// A municipality's legal basis for early detection and the model versions trained for it. Each
/// record is written with its audit entry in one transaction; a stored version is never changed
/// (the database refuses an update, `CreateModelVersions`).
public struct ModelRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// The basis in force, with when it was recorded.
    public struct RecordedLegalBasis: Sendable, Equatable {
        public let basis: LegalBasis
        public let recordedAt: Date
    }

    /// A stored version: its number in the municipality (1, 2, …) and the model as trained.
    public struct Version: Sendable, Equatable {
        public let number: Int
        public let trainedAt: Date
        public let model: TrainedModel
    }

    /// Records `basis` (already `checked`) as the one in force; earlier ones stay as its history.
    public func record(_ basis: LegalBasis, municipality: Municipality.ID, now: Date) async throws {
        let id = UUID()
        try await db.writing { tx in
            try await (tx as! any SQLDatabase).insert(into: "detection_legal_bases")
                .columns("id", "municipality_id", "reference", "decided_on", "approved_by", "recorded_at")
                .values(SQLBind(id), SQLBind(municipality.rawValue), SQLBind(basis.reference), SQLBind(basis.decidedOn.description),
                        SQLBind(basis.approvedBy), SQLBind(now))
                .run()
            try await AuditLog.append([Self.entry(.recordLegalBasis, municipality, subject: "legal-basis:\(id)", now)], on: tx)
        }
    }

    /// The latest basis recorded for the municipality, if any.
    public func legalBasis(municipality: Municipality.ID) async throws -> RecordedLegalBasis? {
        guard let row = try await (db as! any SQLDatabase).select().columns("reference", "decided_on", "approved_by", "recorded_at")
            .from("detection_legal_bases").where("municipality_id", .equal, municipality.rawValue)
            .orderBy("recorded_at", .descending).orderBy("id", .descending).first() else { return nil }
        let basis = LegalBasis(reference: try row.decode(column: "reference", as: String.self),
                               decidedOn: try LocalDate(iso: row.decode(column: "decided_on", as: String.self)),
                               approvedBy: try row.decode(column: "approved_by", as: String.self))
        return RecordedLegalBasis(basis: basis, recordedAt: try row.decode(column: "recorded_at", as: Date.self))
    }

    /// Stores `model` as the municipality's next version and returns it.
    public func store(_ model: TrainedModel, municipality: Municipality.ID, now: Date) async throws -> Version {
        let content = try StoredModel.encoded(model)
        do {
            return try await db.writing { tx in
                let sql = tx as! any SQLDatabase
                let number = try await sql.select().column(SQLRaw("COALESCE(MAX(number), 0) + 1"), as: "next").from("model_versions")
                    .where("municipality_id", .equal, municipality.rawValue).first()?.decode(column: "next", as: Int.self) ?? 1
                try await sql.insert(into: "model_versions")
                    .columns("id", "municipality_id", "number", "trained_at", "as_of", "data_sha256", "content")
                    .values(SQLBind(UUID()), SQLBind(municipality.rawValue), SQLBind(number), SQLBind(now), SQLBind(model.asOf.description),
                            SQLBind(model.dataSHA256), SQLBind(content))
                    .run()
                try await AuditLog.append([Self.entry(.trainModel, municipality, subject: "model-version:\(number)", now)], on: tx)
                return Version(number: number, trainedAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)), model: model)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another training stored the same number a moment before (PostgreSQL); nothing of this one was kept.
            throw StoreError.concurrentChange
        }
    }

    /// Every stored version of the municipality's model by number and when it was trained, the latest
    /// first; without their content, so that one stored in an older form does not hide the others.
    public func versions(municipality: Municipality.ID) async throws -> [(number: Int, trainedAt: Date)] {
        try await (db as! any SQLDatabase).select().columns("number", "trained_at").from("model_versions")
            .where("municipality_id", .equal, municipality.rawValue).orderBy("number", .descending).all().map { row in
                (try row.decode(column: "number", as: Int.self), try row.decode(column: "trained_at", as: Date.self))
            }
    }

    /// Version `number` of the municipality, or its latest when `number` is nil.
    public func version(_ number: Int? = nil, municipality: Municipality.ID) async throws -> Version? {
        var query = (db as! any SQLDatabase).select().columns("number", "trained_at", "content").from("model_versions")
            .where("municipality_id", .equal, municipality.rawValue)
        if let number { query = query.where("number", .equal, number) }
        guard let row = try await query.orderBy("number", .descending).first() else { return nil }
        return try Self.version(row)
    }

    private static func version(_ row: any SQLRow) throws -> Version {
        Version(number: try row.decode(column: "number", as: Int.self), trainedAt: try row.decode(column: "trained_at", as: Date.self),
                model: try StoredModel.decoded(row.decode(column: "content", as: String.self)))
    }

    private static func entry(_ action: AuditEntry.Action, _ municipality: Municipality.ID, subject: String, _ now: Date) -> AuditEntry {
        AuditEntry(at: now, actor: AuditEntry.system, role: .administrator, municipality: municipality, action: action.name,
                   subject: subject, children: [], purpose: Access.Purpose.earlyDetection.rawValue)
    }
}
