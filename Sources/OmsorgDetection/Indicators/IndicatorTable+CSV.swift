import Foundation

extension IndicatorTable {
    /// One row per child: its key (a pseudonym), one 0/1 column per indicator, and the outcome
    /// (empty where not yet known).
    public func write(to url: URL, keys: [String]) throws {
        let writer = try CSVWriter(url: url, header: ["child"] + definitions.map(\.column) + ["outcome"])
        for (row, child) in children.enumerated() {
            writer.text(keys[Int(child)])
            values.forEach { writer.int(Int($0[row])) }
            if let outcome { writer.int(Int(outcome[row])) } else { writer.text("") }
            writer.endRow()
        }
        try writer.close()
    }
}
