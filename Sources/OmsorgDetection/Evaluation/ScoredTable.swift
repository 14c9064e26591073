import Foundation

/// A CSV file of scores with their outcomes, and optionally a group per row, as any model may
/// write it: what `omsorg model evaluate --scores FILE` evaluates. Other columns are ignored.
public struct ScoredTable: Sendable, Equatable {
    public let scores: [Double]
    public let outcomes: [UInt8]
    /// The group column's name and each row's group.
    public let groups: (column: String, values: [String])?

    public static func == (lhs: ScoredTable, rhs: ScoredTable) -> Bool {
        lhs.scores == rhs.scores && lhs.outcomes == rhs.outcomes && lhs.groups?.column == rhs.groups?.column && lhs.groups?.values == rhs.groups?.values
    }

    /// Refused by line and column: a score that is not a number from 0 to 1, an outcome other than
    /// 0 or 1, an empty group, a row with more or fewer fields than the header. Refused at the
    /// header: a missing score, outcome or group column.
    public init(csv data: Data, score scoreName: String, outcome outcomeName: String, group groupName: String? = nil,
                reportedErrors: Int = 50) throws(TableError) {
        var positions: (score: Int, outcome: Int, group: Int?, width: Int)?
        var headerError: TableError?
        var scores: [Double] = [], outcomes: [UInt8] = [], groups: [String] = []
        var errors = CSVRowErrors(limit: reportedErrors)
        CSV.forEachRecord(in: data) { line, fields in
            let cells = fields.map { CSV.text(CSV.trimmed($0)) }
            guard let layout = positions else {
                if headerError == nil {
                    do throws(TableError) { positions = try Self.layout(cells, score: scoreName, outcome: outcomeName, group: groupName) } catch { headerError = error }
                }
                return
            }
            func report(_ column: String?, _ message: String) { errors.report(.init(line: line, column: column, message: message)) }
            guard cells.count == layout.width else { return report(nil, "expected \(layout.width) fields, as the header has, found \(cells.count)") }
            let score = Double(cells[layout.score]).flatMap { (0...1).contains($0) ? $0 : nil }
            if score == nil { report(scoreName, "'\(cells[layout.score])' is not a score from 0 to 1") }
            let outcome = UInt8(cells[layout.outcome]).flatMap { $0 <= 1 ? $0 : nil }
            if outcome == nil { report(outcomeName, "the outcome must be 0 or 1, not '\(cells[layout.outcome])'") }
            scores.append(score ?? 0)
            outcomes.append(outcome ?? 0)
            if let position = layout.group, let groupName {
                if cells[position].isEmpty { report(groupName, "empty group") }
                groups.append(cells[position])
            }
        }
        if let headerError { throw headerError }
        guard let positions else { throw .empty }
        if errors.total > 0 { throw .rows(errors.listed, total: errors.total) }
        guard !scores.isEmpty else { throw .noRows }
        self.scores = scores
        self.outcomes = outcomes
        self.groups = groupName.flatMap { name in positions.group.map { _ in (name, groups) } }
    }

    private static func layout(_ names: [String], score: String, outcome: String, group: String?) throws(TableError) -> (score: Int, outcome: Int, group: Int?, width: Int) {
        func position(_ name: String, _ role: String) throws(TableError) -> Int {
            guard let position = names.firstIndex(of: name) else { throw .missingColumn(name, role: role, available: names) }
            return position
        }
        let groupPosition: Int?
        if let group { groupPosition = try position(group, "group") } else { groupPosition = nil }
        return (try position(score, "score"), try position(outcome, "outcome"), groupPosition, names.count)
    }
}
