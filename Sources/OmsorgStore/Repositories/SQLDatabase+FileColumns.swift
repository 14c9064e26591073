import Foundation
import SQLKit

extension SQLDatabase {
    /// The rows one loaded file wrote to `table`, each as its `columns` (text without commas or
    /// semicolons: pseudonyms, numbers cast to text), in no particular order. The database joins them
    /// into one text: SQLite hands each result row to Swift on an event-loop hop of its own, about
    /// 4 µs, which made reading a municipality row by row take longer than computing its indicators.
    func rows(of file: UUID, municipality: UUID, in table: String, _ columns: [String]) async throws -> [[Substring]] {
        let joined = columns.joined(separator: " || ',' || ")
        let text = try await select().column(SQLRaw("string_agg(\(joined), ';')"), as: "rows").from(table)
            .where("municipality_id", .equal, municipality).where("file_id", .equal, file)
            .first()?.decode(column: "rows", as: String?.self)
        // Split on bytes: splitting on Characters looks for grapheme clusters and took most of the time.
        return (text?.utf8.split(separator: UInt8(ascii: ";")) ?? []).map { row in
            row.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { Substring($0) }
        }
    }
}
