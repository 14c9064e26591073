/// What is wrong with a CSV table given to a model: the header, or values by line and column.
public enum TableError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case noRows
    case unnamedColumn(position: Int)
    case repeatedColumn(String)
    case missingColumn(String, role: String, available: [String])
    case reservedName(String)
    case sameColumn(String)
    case rows([RowError], total: Int)

    public typealias RowError = CSVRowError

    public var description: String {
        switch self {
        case .empty: "The file is empty; a table starts with a header line of column names."
        case .noRows: "The table has a header but no rows."
        case .unnamedColumn(let position): "Column \(position) of the header has no name."
        case .repeatedColumn(let name): "The header names the column '\(name)' more than once."
        case .missingColumn(let name, let role, let available):
            "There is no column '\(name)' for the \(role); the header has \(available.map { "'\($0)'" }.joined(separator: ", "))."
        case .reservedName(let name): "A column may not be named '\(name)': the model's constant term has that name. Rename the column."
        case .sameColumn(let name): "The column '\(name)' cannot be both the outcome and the weights."
        case .rows(let errors, let total): RowError.summary(errors, total: total, heading: "\(total) value(s) are invalid; nothing was fitted:")
        }
    }
}
