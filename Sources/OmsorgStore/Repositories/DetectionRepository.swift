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
    /// Loading the same content again is refused by the unique file hash.
    /// `progress` hears each tenth of a table written: (table, rows written, rows in all).
    public func ingest(_ extract: LinkedExtract, municipality: Municipality.ID, now: Date,
                       progress: @escaping @Sendable (String, Int, Int) -> Void) async throws {
        let fileID = UUID()
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            do {
                try await sql.insert(into: "detection_files")
                    .columns("id", "municipality_id", "source", "sha256", "row_count", "ingested_at")
                    .values(SQLBind(fileID), SQLBind(municipality.rawValue), SQLBind(extract.source.rawValue), SQLBind(extract.sha256),
                            SQLBind(extract.rowCount), SQLBind(now))
                    .run()
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw StoreError.duplicate("This file has already been loaded.")
            }
            let writer = BulkWriter(sql: sql, file: fileID, municipality: municipality.rawValue, progress: progress)
            try await writer.write(extract.content, source: extract.source)
        }
    }

    /// The municipality's detection data, keyed by pseudonym, for the indicator engine.
    public func dataset(municipality: Municipality.ID) async throws -> DetectionDataset {
        var data = DetectionDataset()
        let id = municipality.rawValue
        for row in try await sql.select().columns("pseudonym", "birth_day").from("detection_people").where("municipality_id", .equal, id).all() {
            data.setBirthDay(Int32(try row.decode(column: "birth_day", as: Int.self)), of: data.person(try row.decode(column: "pseudonym", as: String.self)))
        }
        for row in try await sql.select().columns("child", "parent").from("detection_custody").where("municipality_id", .equal, id).all() {
            data.addCustody(child: data.person(try row.decode(column: "child", as: String.self)),
                            parent: data.person(try row.decode(column: "parent", as: String.self)))
        }
        let rows = try await sql.select().columns("source", "subject", "code", "day", "end_day", "value")
            .from("detection_events").where("municipality_id", .equal, id).all()
        for row in rows {
            guard let source = SourceSystem(rawValue: try row.decode(column: "source", as: String.self)) else { continue }
            data.events[source, default: .init()].append(
                subject: data.person(try row.decode(column: "subject", as: String.self)),
                code: Int32(try row.decode(column: "code", as: Int.self)), day: Int32(try row.decode(column: "day", as: Int.self)),
                endDay: Int32(try row.decode(column: "end_day", as: Int?.self) ?? Int(ParsedExtract.noDate)),
                value: Int32(try row.decode(column: "value", as: Int.self)))
        }
        return data
    }

    /// Row counts per table for the municipality: what an operator checks after a load.
    public func counts(municipality: Municipality.ID) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for table in ["detection_files", "detection_people", "person_register", "detection_custody", "detection_events"] {
            result[table] = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where("municipality_id", .equal, municipality.rawValue).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return result
    }
}

/// Multi-row inserts in batches. Numbers go in as literals (they are integers from the parser, so
/// nothing can be injected); text goes in as bound parameters.
private struct BulkWriter {
    let sql: any SQLDatabase
    let file: UUID
    let municipality: UUID
    let progress: @Sendable (String, Int, Int) -> Void
    /// Under SQLite's limit of 32,766 bound parameters a statement with room to spare.
    let batch = 2000

    func write(_ content: LinkedExtract.Content, source: SourceSystem) async throws {
        switch content {
        case .population(let people, let register):
            try await insert("detection_people", ["pseudonym", "birth_day", "sex", "household"], count: people.count) { row in
                let person = people[row]
                return [SQLBind(person.pseudonym), number(person.birthDay), SQLBind(person.sex), SQLBind(person.household)]
            }
            try await insert("person_register", ["pseudonym", "person_number"], count: register.count) { row in
                [SQLBind(register[row].pseudonym), SQLBind(register[row].personNumber)]
            }
        case .custody(let children, let parents):
            try await insert("detection_custody", ["child", "parent"], count: children.count) { row in
                [SQLBind(children[row]), SQLBind(parents[row])]
            }
        case .events(let subjects, let codes, let days, let endDays, let values):
            let name = SQLBind(source.rawValue)
            try await insert("detection_events", ["source", "subject", "code", "day", "end_day", "value"], count: subjects.count) { row in
                let end: any SQLExpression = endDays[row] == ParsedExtract.noDate ? SQLLiteral.null : number(endDays[row])
                return [name, SQLBind(subjects[row]), number(codes[row]), number(days[row]), end, number(values[row])]
            }
        }
    }

    private func number(_ value: Int32) -> any SQLExpression { SQLLiteral.numeric(String(value)) }

    private func insert(_ table: String, _ columns: [String], count: Int, row: (Int) -> [any SQLExpression]) async throws {
        let fixed: [any SQLExpression] = [SQLBind(file), SQLBind(municipality)]
        var reportedTenth = 0
        for start in stride(from: 0, to: count, by: batch) {
            var builder = sql.insert(into: table).columns(["file_id", "municipality_id"] + columns)
            let end = min(start + batch, count)
            for index in start..<end {
                builder = builder.values(fixed + row(index))
            }
            try await builder.run()
            if end * 10 / count > reportedTenth {
                reportedTenth = end * 10 / count
                progress(table, end, count)
            }
        }
    }
}
