import OmsorgStore
import Vapor

/// The tables a backup or a restore handled, one line each, so that an operator can hold the
/// restore's lines against the backup's.
enum TableSummary {
    static func print(_ tables: [DatabaseBackup.Table], heading: String, on console: any Console) {
        console.print(heading)
        for table in tables {
            console.print("  \(table.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(table.rows).leftPadded(9)) rows  \(table.digest.prefix(16))")
        }
        console.print("\(tables.count) tables, \(tables.reduce(0) { $0 + $1.rows }) rows.")
    }
}
