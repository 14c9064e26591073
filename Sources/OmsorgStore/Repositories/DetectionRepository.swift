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
    public func ingest(_ extract: LinkedExtract<String>, sha256: String, municipality: Municipality.ID, now: Date,
                       progress: @escaping @Sendable (String, Int, Int) -> Void) async throws {
        let fileID = UUID()
        try await db.transaction { tx in
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
            try await writer.write(extract.content, source: extract.source)
        }
    }

    /// The municipality's detection data, keyed by pseudonym, for the indicator engine.
    public func dataset(municipality: Municipality.ID) async throws -> DetectionDataset<String> {
        var data = DetectionDataset<String>()
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

    /// The person number behind a pseudonym, for the caseworker who holds a flagged family's task.
    /// The only way from the detection side back to a person, and every use is audited: the
    /// lookup and its audit entry are one transaction. Another municipality's pseudonym is not found.
    public func resolve(_ pseudonym: String, by actor: StaffUser, purpose: String, now: Date) async throws -> PersonNumber {
        try await db.transaction { tx in
            let row = try await (tx as! any SQLDatabase).select().column("person_number").from("person_register")
                .where("municipality_id", .equal, actor.municipalityID.rawValue).where("pseudonym", .equal, pseudonym)
                .first()
            guard let digits = try row?.decode(column: "person_number", as: String.self) else {
                throw StoreError.notFound("No person with that pseudonym in your municipality.")
            }
            try await AuditLog.append(AuditEntry(at: now, actor: actor, action: "resolve-pseudonym", subject: pseudonym, purpose: purpose), on: tx)
            return try PersonNumber(digits)
        }
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

/// Multi-row inserts in batches, the rows written as literals: every value is an integer or text this
/// program made itself (hex pseudonyms, validated person-number digits, the schema's enumeration
/// values), and `literal` refuses anything else, so nothing from a file reaches the SQL as written.
/// Binding every value cost a third of a load's time in SQLKit's encoder; only the file and the
/// municipality are bound, once per statement, in the databases' own UUID form.
private struct BulkWriter {
    let sql: any SQLDatabase
    let file: UUID
    let municipality: UUID
    let progress: @Sendable (String, Int, Int) -> Void
    let batch = 5000

    func write(_ content: LinkedExtract<String>.Content, source: SourceSystem) async throws {
        switch content {
        case .population(let people, let register):
            try await insert("detection_people", ["pseudonym", "#birth_day", "sex", "household"], count: people.count) { row, out in
                let person = people[row]
                out += "\(literal(person.key)),\(person.birthDay),\(literal(person.sex)),\(literal(person.household))"
            }
            try await insert("person_register", ["pseudonym", "person_number"], count: register.count) { row, out in
                out += "\(literal(people[row].key)),\(literal(PersonNumber.digits(register[row])))"
            }
        case .custody(let children, let parents):
            try await insert("detection_custody", ["child", "parent"], count: children.count) { row, out in
                out += "\(literal(children[row])),\(literal(parents[row]))"
            }
        case .events(let subjects, let people, let codes, let days, let endDays, let values):
            let name = literal(source.rawValue)
            try await insert("detection_events", ["source", "subject", "#code", "#day", "#end_day", "#value"], count: subjects.count) { row, out in
                let end = endDays[row] == ParsedExtract.noDate ? "NULL" : String(endDays[row])
                out += "\(name),\(literal(people[Int(subjects[row])])),\(codes[row]),\(days[row]),\(end),\(values[row])"
            }
        }
    }

    /// A quoted SQL literal of text limited to letters, digits and hyphens.
    private func literal(_ text: String) -> String {
        precondition(text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) },
                     "refusing to write '\(text)' as a literal")
        return "'\(text)'"
    }

    /// `columns` are the table's columns after file and municipality; a leading `#` marks an integer.
    private func insert(_ table: String, _ columns: [String], count: Int, row: (Int, inout String) -> Void) async throws {
        let names = columns.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        // Cast so that a batch whose values are all NULL still has the column's type (PostgreSQL).
        let selected = columns.indices.map { columns[$0].hasPrefix("#") ? "CAST(v.column\($0 + 1) AS INTEGER)" : "v.column\($0 + 1)" }
        var reportedTenth = 0
        for start in stride(from: 0, to: count, by: batch) {
            let end = min(start + batch, count)
            var values = ""
            values.reserveCapacity((end - start) * 120)
            for index in start..<end {
                values += index > start ? ",(" : "("
                row(index, &values)
                values += ")"
            }
            let statement: SQLQueryString = """
                INSERT INTO \(unsafeRaw: table) (file_id, municipality_id, \(unsafeRaw: names.joined(separator: ", ")))
                SELECT \(bind: file), \(bind: municipality), \(unsafeRaw: selected.joined(separator: ", ")) FROM (VALUES \(unsafeRaw: values)) AS v
                """
            try await sql.raw(statement).run()
            if end * 10 / count > reportedTenth {
                reportedTenth = end * 10 / count
                progress(table, end, count)
            }
        }
    }
}
