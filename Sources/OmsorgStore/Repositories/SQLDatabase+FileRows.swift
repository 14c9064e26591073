import Foundation
import OmsorgDetection
import SQLKit

extension SQLDatabase {
    /// Calls `row` with each row one loaded file wrote to `table`, as the bytes of its `columns`
    /// (text without commas, quotes or line ends: pseudonyms, numbers cast to text), in no particular
    /// order. The database joins the rows into one CSV text: SQLite hands each result row to Swift on
    /// an event-loop hop of its own, about 4 µs, which made reading a municipality row by row take
    /// longer than computing its indicators.
    func forEachRow(of file: UUID, municipality: UUID, in table: String, _ columns: [String],
                    _ row: ([CSV.Field]) throws -> Void) async throws {
        let joined = columns.joined(separator: " || ',' || ")
        // A line end inside a string literal is the same in SQLite and PostgreSQL.
        let text = try await select().column(SQLRaw("string_agg(\(joined), '\n')"), as: "rows").from(table)
            .where("municipality_id", .equal, municipality).where("file_id", .equal, file)
            .first()?.decode(column: "rows", as: String?.self)
        guard let text else { return }
        try CSV.forEachRecord(in: Data(text.utf8)) { _, fields in
            guard fields.count == columns.count else { throw StoredRowError.columns(table: table, expected: columns.count, found: fields.count) }
            try row(fields)
        }
    }
}

/// A stored row that does not split into its columns, or a pseudonym that is not one: the store was
/// changed outside Omsorg.
enum StoredRowError: Error {
    case columns(table: String, expected: Int, found: Int)
    case pseudonym(String)
}

extension Pseudonym {
    init(stored field: CSV.Field) throws {
        guard let pseudonym = Pseudonym(hex: field) else { throw StoredRowError.pseudonym(CSV.text(field)) }
        self = pseudonym
    }
}
