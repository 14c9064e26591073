import Foundation

extension IndicatorTable {
    /// One row per child: its pseudonym (`pseudonyms[row]`), one 0/1 column per indicator, and the
    /// outcome (empty where not yet known).
    public func write(to url: URL, pseudonyms: [Pseudonym]) throws {
        precondition(pseudonyms.count == children.count, "one pseudonym per child row")
        var writer = try CSVWriter(url: url, header: ["child"] + definitions.map(\.column) + ["outcome"])
        for row in children.indices {
            writer.text(pseudonyms[row].description)
            for column in values { writer.int(Int(column[row])) }
            if let outcome { writer.int(Int(outcome[row])) } else { writer.text("") }
            writer.endRow()
        }
        try writer.close()
    }
}
