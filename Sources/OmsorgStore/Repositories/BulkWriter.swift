import Foundation
import OmsorgDetection
import OmsorgDomain
import SQLKit

/// Writes one file's extract. Rows go in multi-row inserts in batches, written as literals: every value
/// is an integer or text this program made itself (hex pseudonyms, validated person-number digits, the
/// schema's enumeration values), and `literal` refuses anything else, so nothing from a file reaches
/// the SQL as written. Binding every value cost a third of a load's time in SQLKit's encoder; only the
/// file and the municipality are bound, once per statement, in the databases' own UUID form.
/// Events go in column chunks (`EventColumns`).
struct BulkWriter {
    let sql: any SQLDatabase
    let file: UUID
    let municipality: UUID
    let progress: @Sendable (String, Int, Int) -> Void
    let batch = 5000

    func write(_ content: LinkedExtract<Pseudonym>.Content) async throws {
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
            try await insert("detection_subjects", ["#ordinal", "pseudonym"], count: people.count) { row, out in
                out += "\(row),\(literal(people[row]))"
            }
            try await write(EventColumns(subjects: subjects, codes: codes, days: days, endDays: endDays, values: values))
        }
    }

    /// One statement per chunk, its columns bound as blobs.
    func write(_ events: EventColumns) async throws {
        for start in stride(from: 0, to: events.count, by: EventColumns.chunkRows) {
            let rows = start..<min(start + EventColumns.chunkRows, events.count)
            try await sql.insert(into: "detection_event_chunks")
                .columns(["file_id", "municipality_id", "first_row", "row_count"] + EventColumns.columnNames)
                .values([SQLBind(file), SQLBind(municipality), SQLBind(rows.lowerBound), SQLBind(rows.count)] + events.blobs(rows).map(SQLBind.init))
                .run()
            progress("events", rows.upperBound, events.count)
        }
    }

    func literal(_ pseudonym: Pseudonym) -> String { "'\(pseudonym)'" }

    /// A quoted SQL literal of text limited to letters, digits and hyphens.
    func literal(_ text: String) -> String {
        precondition(text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) },
                     "refusing to write '\(text)' as a literal")
        return "'\(text)'"
    }

    /// `columns` are the table's columns after file and municipality; a leading `#` marks an integer.
    func insert(_ table: String, _ columns: [String], count: Int, row: (Int, inout String) -> Void) async throws {
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
