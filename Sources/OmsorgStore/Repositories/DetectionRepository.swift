import FluentKit
import Foundation
import OmsorgDetection
import OmsorgDomain
import SQLKit

/// The pseudonymised detection data of each municipality.
public struct DetectionRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    private var sql: any SQLDatabase { db as! any SQLDatabase }

    /// When a file with this content was loaded for the municipality, if it was.
    public func ingestedAt(sha256: String, municipality: Municipality.ID) async throws -> Date? {
        try await sql.select().column("ingested_at").from("detection_files")
            .where("municipality_id", .equal, municipality.rawValue).where("sha256", .equal, sha256)
            .first()?.decode(column: "ingested_at", as: Date.self)
    }

    /// Loads a whole extract in one transaction: a failure or a killed process leaves nothing of it.
    /// Loading the same content (`sha256`, the file's `ExtractParser.contentHash`) again is refused.
    /// `progress` hears each tenth of a table written: (table, rows written, rows in all).
    public func ingest(_ extract: LinkedExtract<Pseudonym>, sha256: String, municipality: Municipality.ID, now: Date,
                       progress: @escaping @Sendable (String, Int, Int) -> Void) async throws {
        let fileID = UUID()
        // The writer's turn from the start, so that the service's writers wait for a long load
        // rather than deadlock with it.
        try await db.writing { tx in
            let sql = tx as! any SQLDatabase
            do {
                try await sql.insert(into: "detection_files")
                    .columns("id", "municipality_id", "source", "sha256", "row_count", "ingested_at")
                    .values(SQLBind(fileID), SQLBind(municipality.rawValue), SQLBind(extract.source.rawValue), SQLBind(sha256),
                            SQLBind(extract.rowCount), SQLBind(now))
                    .run()
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw StoreError.duplicate("This file has already been loaded.")
            }
            let writer = BulkWriter(sql: sql, file: fileID, municipality: municipality.rawValue, progress: progress)
            try await writer.write(extract.content)
        }
    }

    /// The municipality's detection data, keyed by pseudonym, for the indicator engine. Files are
    /// added as the in-memory path adds them: by source, then in the order they were loaded.
    public func dataset(municipality: Municipality.ID) async throws -> DetectionDataset<Pseudonym> {
        let id = municipality.rawValue
        var data = DetectionDataset<Pseudonym>()
        for (file, source) in try await files(municipality: id) {
            switch source {
            case .population:
                try await sql.forEachRow(of: file, municipality: id, in: "detection_people", ["pseudonym", "CAST(birth_day AS TEXT)"]) { row in
                    data.setBirthDay(Int32(CSV.text(row[1])) ?? ParsedExtract.noDate, of: data.person(try Pseudonym(stored: row[0])))
                }
            case .custody:
                try await sql.forEachRow(of: file, municipality: id, in: "detection_custody", ["child", "parent"]) { row in
                    data.addCustody(child: data.person(try Pseudonym(stored: row[0])), parent: data.person(try Pseudonym(stored: row[1])))
                }
            default:
                let (people, events) = try await EventColumns.load(file: file, municipality: id, from: sql)
                data.add(LinkedExtract(source: source, rowCount: events.count, content: .events(
                    subjects: events.subjects, people: people, codes: events.codes, days: events.days, endDays: events.endDays, values: events.values)))
            }
        }
        return data
    }

    private func files(municipality: UUID) async throws -> [(UUID, SourceSystem)] {
        let rows = try await sql.select().columns("id", "source").from("detection_files").where("municipality_id", .equal, municipality)
            .orderBy("ingested_at").orderBy("id").all()
        let files = try rows.compactMap { row in
            try SourceSystem(rawValue: row.decode(column: "source", as: String.self)).map { (try row.decode(column: "id", as: UUID.self), $0) }
        }
        let order = Dictionary(uniqueKeysWithValues: SourceSystem.allCases.enumerated().map { ($1, $0) })
        return files.enumerated().sorted { (order[$0.1.1]!, $0.0) < (order[$1.1.1]!, $1.0) }.map(\.1)
    }

    /// The person number behind a pseudonym, for the caseworker who holds a flagged family's task.
    /// The only way from the detection side back to a person, and every use is audited: the
    /// lookup and its audit entry are one transaction. Another municipality's pseudonym is not found.
    public func resolve(_ pseudonym: Pseudonym, by actor: StaffUser, purpose: String, now: Date) async throws -> PersonNumber {
        try await db.writing { tx in
            let row = try await (tx as! any SQLDatabase).select().column("person_number").from("person_register")
                .where("municipality_id", .equal, actor.municipalityID.rawValue).where("pseudonym", .equal, pseudonym.description)
                .first()
            guard let digits = try row?.decode(column: "person_number", as: String.self) else {
                throw StoreError.notFound("No person with that pseudonym in your municipality.")
            }
            try await AuditLog.append([AuditEntry(at: now, actor: actor.id, role: actor.role, municipality: actor.municipalityID, action: AuditEntry.Action.resolvePseudonym.name,
                                                  subject: "pseudonym:\(pseudonym)", children: [], purpose: purpose)], on: tx)
            return try PersonNumber(digits)
        }
    }

    /// Each person's household pseudonym, from the population extracts, a later extract's word last.
    public func households(municipality: Municipality.ID) async throws -> [Pseudonym: String] {
        var households: [Pseudonym: String] = [:]
        for (file, source) in try await files(municipality: municipality.rawValue) where source == .population {
            try await sql.forEachRow(of: file, municipality: municipality.rawValue, in: "detection_people", ["pseudonym", "household"]) { row in
                households[try Pseudonym(stored: row[0])] = CSV.text(row[1])
            }
        }
        return households
    }

    /// Each source's extracts loaded for the municipality: how many files and rows, and when last.
    public func loadedSources(municipality: Municipality.ID) async throws -> [ImpactAssessment.LoadedSource] {
        let rows = try await sql.select().columns("source", "row_count", "ingested_at").from("detection_files")
            .where("municipality_id", .equal, municipality.rawValue).all()
        var sources: [SourceSystem: ImpactAssessment.LoadedSource] = [:]
        for row in rows {
            guard let source = SourceSystem(rawValue: try row.decode(column: "source", as: String.self)) else { continue }
            let count = try row.decode(column: "row_count", as: Int.self), loaded = try row.decode(column: "ingested_at", as: Date.self)
            let earlier = sources[source]
            sources[source] = .init(source: source, files: (earlier?.files ?? 0) + 1, rows: (earlier?.rows ?? 0) + count,
                                    lastLoaded: max(loaded, earlier?.lastLoaded ?? loaded))
        }
        return SourceSystem.allCases.compactMap { sources[$0] }
    }

    /// Row counts per table for the municipality, and its number of events: what an operator checks after a load.
    public func counts(municipality: Municipality.ID) async throws -> [String: Int] {
        // PostgreSQL sums a BIGINT as NUMERIC; cast back so both databases answer an integer.
        func count(_ table: String, _ expression: String) async throws -> Int {
            try await sql.select().column(SQLRaw("CAST(\(expression) AS BIGINT)"), as: "n").from(table)
                .where("municipality_id", .equal, municipality.rawValue).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        var result: [String: Int] = [:]
        for table in ["detection_files", "detection_people", "person_register", "detection_custody", "detection_subjects"] {
            result[table] = try await count(table, "COUNT(*)")
        }
        result["events"] = try await count("detection_event_chunks", "COALESCE(SUM(row_count), 0)")
        return result
    }
}
