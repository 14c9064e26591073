import Foundation
import OmsorgDetection
import SQLKit

/// An event extract stored as the indicator engine holds it: columns of 32-bit integers, in chunks
/// of `chunkRows` rows, each column one little-endian blob. A row per event cost SQLite more to parse
/// and write than the sqlite3 shell's `.import` takes for the whole file, and loading millions of
/// events back row by row is slower still; the people an extract names stay rows
/// (`detection_subjects`), so which files mention a pseudonym remains a query.
struct EventColumns {
    static let chunkRows = 1 << 16

    var subjects: [Int32] = [], codes: [Int32] = [], days: [Int32] = [], endDays: [Int32] = [], values: [Int32] = []

    var count: Int { subjects.count }

    /// The rows of `range`, one blob per column, in the table's column order.
    func blobs(_ range: Range<Int>) -> [Data] {
        [subjects, codes, days, endDays, values].map { column in
            column[range].withUnsafeBufferPointer { rows in
                var data = Data(count: rows.count * 4)
                data.withUnsafeMutableBytes { bytes in
                    for (row, value) in rows.enumerated() { bytes.storeBytes(of: value.littleEndian, toByteOffset: row * 4, as: Int32.self) }
                }
                return data
            }
        }
    }

    /// Appends a chunk read back from `blobs`.
    mutating func append(_ blobs: [Data]) throws {
        guard blobs.count == 5, let rows = blobs.first.map({ $0.count / 4 }), blobs.allSatisfy({ $0.count == rows * 4 }) else {
            throw EventColumnsError.malformedChunk
        }
        func decode(_ data: Data) -> [Int32] {
            data.withUnsafeBytes { bytes in
                (0..<rows).map { Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
            }
        }
        subjects += decode(blobs[0])
        codes += decode(blobs[1])
        days += decode(blobs[2])
        endDays += decode(blobs[3])
        values += decode(blobs[4])
    }

    static let columnNames = ["subjects", "codes", "days", "end_days", "event_values"]
}

enum EventColumnsError: Error {
    /// A stored chunk whose columns are not whole 32-bit rows of one length, or whose subjects are
    /// not the file's: the store was changed outside Omsorg.
    case malformedChunk
}

extension EventColumns {
    /// A stored event file: the people it names, by ordinal, and its events.
    static func load(file: UUID, municipality: UUID, from sql: any SQLDatabase) async throws -> (people: [Pseudonym], events: EventColumns) {
        var people: [Pseudonym] = [], rows = 0
        try await sql.forEachRow(of: file, municipality: municipality, in: "detection_subjects", ["CAST(ordinal AS TEXT)", "pseudonym"]) { row in
            guard let ordinal = Int(CSV.text(row[0])), ordinal >= 0 else { throw EventColumnsError.malformedChunk }
            if ordinal >= people.count { people += Array(repeating: Pseudonym(high: 0, low: 0), count: ordinal + 1 - people.count) }
            people[ordinal] = try Pseudonym(stored: row[1])
            rows += 1
        }
        var events = EventColumns()
        for row in try await sql.select().columns(columnNames).from("detection_event_chunks")
            .where("municipality_id", .equal, municipality).where("file_id", .equal, file).orderBy("first_row").all() {
            try events.append(try columnNames.map { try row.decode(column: $0, as: Data.self) })
        }
        guard rows == people.count, events.subjects.allSatisfy({ people.indices.contains(Int($0)) }) else { throw EventColumnsError.malformedChunk }
        return (people, events)
    }
}
