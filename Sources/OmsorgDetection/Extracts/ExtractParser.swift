import Crypto
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
        var errors = CSVRowErrors(limit: reportedErrors)
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
                errors.report(.init(line: line, column: nil, message: "expected \(positions.count) fields, found \(fields.count)"))
                return
            }
            var rowErrors: [ExtractError.RowError] = []
            for index in columns.indices {
                if let message = columns[index].append(fields[positions[index]], today: today) {
                    rowErrors.append(.init(line: line, column: schema.columns[index].name, message: message))
                }
            }
            if rowErrors.isEmpty, source == .substanceTreatment, let start = columns[1].numbers.last, let end = columns[2].numbers.last,
               end != ParsedExtract.noDate, end < start {
                rowErrors.append(.init(line: line, column: "end_date", message: "the treatment period ends before it starts"))
            }
            for error in rowErrors { errors.report(error) }
        }
        if let headerError { throw headerError }
        if positions.isEmpty { throw .empty }
        if errors.total > 0 { throw .rows(errors.listed, total: errors.total) }
        let values = Dictionary(uniqueKeysWithValues: zip(schema.columns.map(\.name), columns.map(\.values)))
        return ParsedExtract(source: source, rowCount: rowCount, columns: values)
    }

    /// SHA-256 of a file's bytes, in hexadecimal: the same file is never loaded twice.
    public static func contentHash(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
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

/// Accumulates one column's values, validating each from its bytes. The column's kind is unpacked
/// once into plain fields: matching the schema's enum, with its array payloads, on every field of
/// millions of rows was a measurable part of a load.
private struct Builder {
    private enum Form { case personNumber, identifier, date, optionalDate, month, enumeration, integer }

    private let form: Form
    private let allowed: [[UInt8]]
    private let range: ClosedRange<Int>
    var texts: [String] = []
    var numbers: [Int32] = []
    var personNumbers: [UInt64] = []
    /// The last person number's field as read: extracts list a person's rows together, so most rows
    /// repeat the row before's person and need no parsing.
    private var previousField: [UInt8] = []

    init(kind: ExtractSchema.Kind) {
        var allowed: [[UInt8]] = [], range = 0...0
        form = switch kind {
        case .personNumber: .personNumber
        case .identifier: .identifier
        case .date: .date
        case .optionalDate: .optionalDate
        case .month: .month
        case .enumeration(let values): { allowed = values.map { Array($0.utf8) }; return .enumeration }()
        case .integer(let bounds): { range = bounds; return .integer }()
        }
        self.allowed = allowed
        self.range = range
    }

    var values: ParsedExtract.Values {
        switch form {
        case .personNumber: .personNumbers(personNumbers)
        case .identifier: .text(texts)
        default: .numbers(numbers)
        }
    }

    /// Appends a field; returns what is wrong with it, if anything.
    mutating func append(_ raw: CSV.Field, today: LocalDate) -> String? {
        let field = CSV.trimmed(raw)
        switch form {
        case .personNumber:
            if let last = personNumbers.last, Self.equal(previousField, field) {
                personNumbers.append(last)
                return nil
            }
            do throws(ValidationError) {
                personNumbers.append(try PersonNumber(ascii: field).value)
            } catch { return "'\(CSV.text(field))' is not a person number: \(error.message)" }
            previousField.replaceSubrange(previousField.indices, with: field)
        case .identifier:
            guard !field.isEmpty else { return "must not be empty" }
            texts.append(CSV.text(field))
        case .date, .optionalDate, .month:
            if field.isEmpty && form == .optionalDate { numbers.append(ParsedExtract.noDate); return nil }
            guard let date = LocalDate(isoBytes: field, monthOnly: form == .month) else {
                return "'\(CSV.text(field))' is not a \(form == .month ? "month (YYYY-MM)" : "date (YYYY-MM-DD)")"
            }
            guard date <= today else { return "\(CSV.text(field)) lies in the future" }
            guard date.year >= 1900 else { return "\(CSV.text(field)) lies before 1900" }
            numbers.append(Int32(date.daysSinceEpoch))
        case .enumeration:
            guard let index = allowed.firstIndex(where: { Self.equal($0, field) }) else {
                return "'\(CSV.text(field))' is not one of \(allowed.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ", "))"
            }
            numbers.append(Int32(index))
        case .integer:
            guard field.count <= 9, !field.isEmpty, field.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  case let value = field.reduce(0, { $0 * 10 + Int($1 - UInt8(ascii: "0")) }), range.contains(value)
            else { return "'\(CSV.text(field))' is not a whole number in \(range.lowerBound)…\(range.upperBound)" }
            numbers.append(Int32(value))
        }
        return nil
    }

    private static func equal(_ value: [UInt8], _ field: CSV.Field) -> Bool {
        value.count == field.count && (field.isEmpty || value.withUnsafeBufferPointer { memcmp($0.baseAddress!, field.baseAddress!, field.count) == 0 })
    }
}
