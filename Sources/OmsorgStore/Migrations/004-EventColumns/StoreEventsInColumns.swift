import FluentKit
import Foundation
import OmsorgDetection
import SQLKit

/// Events move from a row each (`detection_events`) into column chunks (`EventColumns`), the people
/// each file names into `detection_subjects`. Events already loaded move with them, both ways.
struct StoreEventsInColumns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in
            try await tx.schema("detection_subjects").partOfFile()
                .field("ordinal", .int, .required).field("pseudonym", .string, .required)
                .create()
            var chunks = tx.schema("detection_event_chunks").partOfFile()
                .field("first_row", .int, .required).field("row_count", .int, .required)
            for column in EventColumns.columnNames { chunks = chunks.field(.string(column), .data, .required) }
            try await chunks.create()
            let sql = tx as! any SQLDatabase
            for table in ["detection_subjects", "detection_event_chunks"] { try await sql.indexMunicipality(of: table) }
            try await moveRowsToColumns(sql)
            try await tx.schema("detection_events").delete()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { tx in
            try await CreateDetectionTables.createEventRows(on: tx)
            try await moveColumnsToRows(tx as! any SQLDatabase)
            for table in ["detection_event_chunks", "detection_subjects"] { try await tx.schema(table).delete() }
        }
    }

    private func moveRowsToColumns(_ sql: any SQLDatabase) async throws {
        for file in try await sql.select().distinct().columns("file_id", "municipality_id").from("detection_events").all() {
            let id = try file.decode(column: "file_id", as: UUID.self)
            let rows = try await sql.select().columns("subject", "code", "day", "end_day", "value").from("detection_events")
                .where("file_id", .equal, id).orderBy("subject").orderBy("day").orderBy("code").all()
            var people: [Pseudonym] = [], ordinal: [String: Int32] = [:], events = EventColumns()
            for row in rows {
                let subject = try row.decode(column: "subject", as: String.self)
                if ordinal[subject] == nil {
                    guard let pseudonym = Pseudonym(subject) else { throw StoredRowError.pseudonym(subject) }
                    ordinal[subject] = Int32(people.count)
                    people.append(pseudonym)
                }
                events.subjects.append(ordinal[subject]!)
                events.codes.append(Int32(try row.decode(column: "code", as: Int.self)))
                events.days.append(Int32(try row.decode(column: "day", as: Int.self)))
                events.endDays.append(Int32(try row.decode(column: "end_day", as: Int?.self) ?? Int(ParsedExtract.noDate)))
                events.values.append(Int32(try row.decode(column: "value", as: Int.self)))
            }
            try await writer(sql, file: file).write(.events(subjects: events.subjects, people: people, codes: events.codes,
                                                             days: events.days, endDays: events.endDays, values: events.values))
        }
    }

    private func moveColumnsToRows(_ sql: any SQLDatabase) async throws {
        for file in try await sql.select().columns("id", "municipality_id", "source").from("detection_files").all() {
            let writer = try writer(sql, file: file, id: "id")
            let (people, events) = try await EventColumns.load(file: writer.file, municipality: writer.municipality, from: sql)
            let source = writer.literal(try file.decode(column: "source", as: String.self))
            try await writer.insert("detection_events", ["source", "subject", "#code", "#day", "#end_day", "#value"], count: events.count) { row, out in
                let end = events.endDays[row] == ParsedExtract.noDate ? "NULL" : String(events.endDays[row])
                out += "\(source),\(writer.literal(people[Int(events.subjects[row])])),\(events.codes[row]),\(events.days[row]),\(end),\(events.values[row])"
            }
        }
    }

    private func writer(_ sql: any SQLDatabase, file: any SQLRow, id: String = "file_id") throws -> BulkWriter {
        BulkWriter(sql: sql, file: try file.decode(column: id, as: UUID.self), municipality: try file.decode(column: "municipality_id", as: UUID.self),
                   progress: { _, _, _ in })
    }
}
