import Foundation
import OmsorgDomain

/// Checks an extract against its source's declared schema: the header first (refused columns,
/// missing or unexpected ones), then every row. A file with any error is rejected whole.
public struct ExtractParser {
    public let source: SourceSystem
    /// Events cannot lie after the day the extract is loaded.
    public let today: LocalDate
    /// How many row errors are reported; the total is always given.
    public var reportedErrors = 50

    public init(source: SourceSystem, today: LocalDate) {
        self.source = source
        self.today = today
    }

    public func parse(_ data: Data) throws(ExtractError) -> ParsedExtract {
        let schema = source.schema
        var columns = schema.columns.map { Builder(kind: $0.kind) }
        var positions: [Int] = []
        var errors: [ExtractError.RowError] = []
        var errorCount = 0
        var rowCount = 0
        var headerError: ExtractError?
        CSV.forEachRecord(in: data) { line, fields in
            if positions.isEmpty && headerError == nil {
                do throws(ExtractError) { positions = try headerPositions(fields, schema: schema) } catch { headerError = error }
                return
            }
            guard headerError == nil else { return }
            rowCount += 1
            guard fields.count == positions.count else {
                errorCount += 1
                if errors.count < reportedErrors {
                    errors.append(.init(line: line, column: nil, message: "expected \(positions.count) fields, found \(fields.count)"))
                }
                return
            }
            var rowErrors: [ExtractError.RowError] = []
            for (index, column) in schema.columns.enumerated() {
                if let message = columns[index].append(fields[positions[index]], today: today) {
                    rowErrors.append(.init(line: line, column: column.name, message: message))
                }
            }
            if rowErrors.isEmpty, source == .substanceTreatment, let start = columns[1].numbers.last, let end = columns[2].numbers.last,
               end != ParsedExtract.noDate, end < start {
                rowErrors.append(.init(line: line, column: "end_date", message: "the treatment period ends before it starts"))
            }
            errorCount += rowErrors.count
            errors += rowErrors.prefix(max(0, reportedErrors - errors.count))
        }
        if let headerError { throw headerError }
        if positions.isEmpty { throw .empty }
        if errorCount > 0 { throw .rows(errors, total: errorCount) }
        let values = Dictionary(uniqueKeysWithValues: zip(schema.columns.map(\.name), columns.map(\.values)))
        return ParsedExtract(source: source, rowCount: rowCount, columns: values)
    }

    private func headerPositions(_ header: [CSV.Field], schema: ExtractSchema) throws(ExtractError) -> [Int] {
        let names = header.map { CSV.text(CSV.trimmed($0)).lowercased() }
        for name in names {
            if let reason = RefusedColumns.reason(for: name) { throw .refusedColumn(name, reason: reason) }
        }
        let declared = schema.columns.map(\.name)
        if let unexpected = names.first(where: { !declared.contains($0) }) { throw .unexpectedColumn(unexpected) }
        return try declared.map { name throws(ExtractError) in
            guard let position = names.firstIndex(of: name) else { throw .missingColumn(name) }
            return position
        }
    }
}

/// Accumulates one column's values, validating each from its bytes.
private struct Builder {
    let kind: ExtractSchema.Kind
    var texts: [String] = []
    var numbers: [Int32] = []
    var personNumbers: [UInt64] = []
    private let allowed: [[UInt8]]

    init(kind: ExtractSchema.Kind) {
        self.kind = kind
        if case .enumeration(let values) = kind { allowed = values.map { Array($0.utf8) } } else { allowed = [] }
    }

    var values: ParsedExtract.Values {
        switch kind {
        case .personNumber: .personNumbers(personNumbers)
        case .identifier: .text(texts)
        default: .numbers(numbers)
        }
    }

    /// Appends a field; returns what is wrong with it, if anything.
    mutating func append(_ raw: CSV.Field, today: LocalDate) -> String? {
        let field = CSV.trimmed(raw)
        switch kind {
        case .personNumber:
            do throws(ValidationError) {
                personNumbers.append(try PersonNumber(ascii: field).value)
            } catch { return "'\(CSV.text(field))' is not a person number: \(error.message)" }
        case .identifier:
            guard !field.isEmpty else { return "must not be empty" }
            texts.append(CSV.text(field))
        case .date, .optionalDate, .month:
            if field.isEmpty && kind == .optionalDate { numbers.append(ParsedExtract.noDate); return nil }
            guard let date = LocalDate(isoBytes: field, monthOnly: kind == .month) else {
                return "'\(CSV.text(field))' is not a \(kind == .month ? "month (YYYY-MM)" : "date (YYYY-MM-DD)")"
            }
            guard date <= today else { return "\(CSV.text(field)) lies in the future" }
            guard date.year >= 1900 else { return "\(CSV.text(field)) lies before 1900" }
            numbers.append(Int32(date.daysSinceEpoch))
        case .enumeration(let values):
            guard let index = allowed.firstIndex(where: { $0.elementsEqual(field) }) else {
                return "'\(CSV.text(field))' is not one of \(values.joined(separator: ", "))"
            }
            numbers.append(Int32(index))
        case .integer(let range):
            guard field.count <= 9, !field.isEmpty, field.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  case let value = field.reduce(0, { $0 * 10 + Int($1 - UInt8(ascii: "0")) }), range.contains(value)
            else { return "'\(CSV.text(field))' is not a whole number in \(range.lowerBound)…\(range.upperBound)" }
            numbers.append(Int32(value))
        }
        return nil
    }
}
