/// One invalid value of a CSV file, as an extract and a model's table alike report it.
public struct CSVRowError: Equatable, Sendable, CustomStringConvertible {
    /// 1-based, counting the header as line 1.
    public let line: Int
    /// Nil when the row as a whole is wrong (too many or too few fields).
    public let column: String?
    public let message: String

    public var description: String { "line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)" }

    /// `heading` over the listed errors, one a line, and how many more there were than listed.
    static func summary(_ errors: [CSVRowError], total: Int, heading: String) -> String {
        ([heading] + errors.map { "  \($0)" } + (total > errors.count ? ["  … and \(total - errors.count) more"] : []))
            .joined(separator: "\n")
    }
}

/// The invalid values met while reading a file: every one counted, the first `limit` kept to show,
/// so that a file wrong on every line still reads to its end in bounded memory.
struct CSVRowErrors {
    let limit: Int
    private(set) var listed: [CSVRowError] = []
    private(set) var total = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func report(_ error: CSVRowError) {
        total += 1
        if listed.count < limit { listed.append(error) }
    }
}
