import Foundation
import OmsorgDomain

/// A validated extract, column by column. Dates are days since 1970-01-01; months are the day
/// their first day falls on; enumerations are the index of their value in the schema.
public struct ParsedExtract: Sendable {
    public enum Values: Sendable, Equatable {
        case text([String])
        case numbers([Int32])
        /// Person numbers as `PersonNumber.value`.
        case personNumbers([UInt64])
    }

    public let source: SourceSystem
    public let rowCount: Int
    public let columns: [String: Values]

    public func text(_ column: String) -> [String] {
        if case .text(let values) = columns[column] { return values }
        preconditionFailure("\(column) is not a text column of \(source)")
    }

    public func personNumbers(_ column: String) -> [UInt64] {
        if case .personNumbers(let values) = columns[column] { return values }
        preconditionFailure("\(column) is not a person-number column of \(source)")
    }

    public func numbers(_ column: String) -> [Int32] {
        if case .numbers(let values) = columns[column] { return values }
        preconditionFailure("\(column) is not a number column of \(source)")
    }

    /// Marks an empty optional date.
    public static let noDate = Int32.min
}

/// What is wrong with an extract: the header, or rows by line number.
public enum ExtractError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    /// A folder of extracts without this file.
    case missing
    case refusedColumn(String, reason: String)
    case missingColumn(String)
    case unexpectedColumn(String)
    case rows([RowError], total: Int)

    public typealias RowError = CSVRowError

    public var description: String {
        switch self {
        case .empty: "The file is empty; an extract starts with a header line."
        case .missing: "There is no such file; a folder of extracts holds at least the population, whose children the indicators are for."
        case .refusedColumn(let column, let reason): "The column '\(column)' is refused: \(reason). Remove it from the extract; nothing was loaded."
        case .missingColumn(let column): "The header lacks the column '\(column)'."
        case .unexpectedColumn(let column): "The column '\(column)' is not part of this extract's declared schema; only declared columns are accepted."
        case .rows(let errors, let total): RowError.summary(errors, total: total, heading: "\(total) row(s) are invalid; nothing was loaded:")
        }
    }
}
