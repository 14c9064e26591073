import Foundation

extension DesignTable {
    /// Reads a CSV table of numbers with a header line. Every column but the outcome and the weights
    /// is a covariate, in the header's order. Refused, by line and column: a value that is empty or
    /// not a finite decimal number, an outcome other than 0 or 1, a weight that is not positive, a
    /// row with more or fewer fields than the header. Refused at the header: a missing outcome or
    /// weights column, an unnamed or repeated column, a column named `intercept`.
    public init(csv data: Data, outcome outcomeName: String, weights weightsName: String? = nil,
                reportedErrors: Int = 50) throws(TableError) {
        var layout: Layout?
        var headerError: TableError?
        var covariates: [[Double]] = []
        var outcome: [Double] = [], weights: [Double] = []
        var errors = CSVRowErrors(limit: reportedErrors)
        CSV.forEachRecord(in: data) { line, fields in
            guard let layout else {
                if headerError == nil {
                    do throws(TableError) {
                        let found = try Layout(header: fields, outcome: outcomeName, weights: weightsName)
                        covariates = Array(repeating: [], count: found.covariates.count)
                        layout = found
                    } catch { headerError = error }
                }
                return
            }
            func report(_ column: String?, _ message: String) { errors.report(.init(line: line, column: column, message: message)) }
            guard fields.count == layout.names.count else {
                report(nil, "expected \(layout.names.count) fields, as the header has, found \(fields.count)")
                return
            }
            func value(at position: Int) -> Double? {
                let field = CSV.trimmed(fields[position])
                switch Self.number(field) {
                case .value(let number): return number
                case .empty: report(layout.names[position], "empty value; every cell must hold a number")
                case .notANumber: report(layout.names[position], "'\(CSV.text(field))' is not a number")
                case .tooLarge: report(layout.names[position], "'\(CSV.text(field))' is too large for a number")
                }
                return nil
            }
            for (index, position) in layout.covariates.enumerated() { covariates[index].append(value(at: position) ?? 0) }
            let event = value(at: layout.outcome)
            if let event, event != 0, event != 1 {
                report(outcomeName, "the outcome must be 0 or 1, not '\(CSV.text(CSV.trimmed(fields[layout.outcome])))'")
            }
            outcome.append(event ?? 0)
            if let position = layout.weights {
                let weight = value(at: position)
                if let weight, !(weight > 0) {
                    report(layout.names[position], "a weight must be a positive number, not '\(CSV.text(CSV.trimmed(fields[position])))'")
                }
                weights.append(weight ?? 1)
            }
        }
        if let headerError { throw headerError }
        guard let layout else { throw .empty }
        if errors.total > 0 { throw .rows(errors.listed, total: errors.total) }
        guard !outcome.isEmpty else { throw .noRows }
        self.init(columnNames: layout.covariates.map { layout.names[$0] }, values: Array(covariates.joined()),
                  outcome: outcome, weights: layout.weights == nil ? nil : weights)
    }

    /// Where each role's column is in the header.
    private struct Layout {
        let names: [String]
        let covariates: [Int]
        let outcome: Int
        let weights: Int?

        init(header: [CSV.Field], outcome outcomeName: String, weights weightsName: String?) throws(TableError) {
            let names = header.map { CSV.text(CSV.trimmed($0)) }
            self.names = names
            if let unnamed = names.firstIndex(of: "") { throw .unnamedColumn(position: unnamed + 1) }
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted { throw .repeatedColumn(name) }
            guard let outcome = names.firstIndex(of: outcomeName) else {
                throw .missingColumn(outcomeName, role: "outcome", available: names)
            }
            self.outcome = outcome
            if let weightsName {
                guard weightsName != outcomeName else { throw .sameColumn(weightsName) }
                guard let weights = names.firstIndex(of: weightsName) else {
                    throw .missingColumn(weightsName, role: "weights", available: names)
                }
                self.weights = weights
            } else {
                weights = nil
            }
            let roles = [outcome, weights]
            let covariates = names.indices.filter { !roles.contains($0) }
            if let reserved = covariates.first(where: { names[$0] == DesignTable.interceptName }) {
                throw .reservedName(names[reserved])
            }
            self.covariates = covariates
        }
    }

    private enum Number {
        case value(Double), empty, notANumber, tooLarge
    }

    /// A decimal number: an optional sign, digits with an optional point, an optional exponent.
    /// Not `nan` or `inf`, which `Double(_:)` would take. Most cells of a model's table (0/1, counts,
    /// short decimals) are converted exactly here, without making a `String`: a mantissa of at most
    /// 2⁵³ times a power of ten of at most 10²² is one correctly rounded operation. Longer numbers go
    /// to `Double(_:)`, which rounds correctly too, so a value reads as the writer's program held it.
    private static func number(_ field: CSV.Field) -> Number {
        guard !field.isEmpty else { return .empty }
        var index = 0
        let negative = field[0] == UInt8(ascii: "-")
        if negative || field[0] == UInt8(ascii: "+") { index = 1 }
        var mantissa: UInt64 = 0, significantDigits = 0, exponent = 0, digits = 0
        var exact = true
        func digit(afterPoint: Bool) {
            let value = UInt64(field[index] &- UInt8(ascii: "0"))
            digits += 1
            if significantDigits < 19 {
                mantissa = mantissa * 10 + value
                if mantissa > 0 { significantDigits += 1 }
                if afterPoint { exponent -= 1 }
            } else {
                exact = false
            }
            index += 1
        }
        while index < field.count, isDigit(field[index]) { digit(afterPoint: false) }
        if index < field.count, field[index] == UInt8(ascii: ".") {
            index += 1
            while index < field.count, isDigit(field[index]) { digit(afterPoint: true) }
        }
        guard digits > 0 else { return .notANumber }
        if index < field.count, field[index] == UInt8(ascii: "e") || field[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < field.count, field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
                exponentNegative = field[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0, exponentDigits = 0
            while index < field.count, isDigit(field[index]) {
                written = min(written * 10 + Int(field[index] &- UInt8(ascii: "0")), 100_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .notANumber }
            exponent += exponentNegative ? -written : written
        }
        guard index == field.count else { return .notANumber }
        let value: Double
        if exact && mantissa <= 1 << 53 && abs(exponent) <= 22 {
            let power = powersOfTen[abs(exponent)]
            value = exponent < 0 ? Double(mantissa) / power : Double(mantissa) * power
        } else {
            guard let parsed = Double(CSV.text(field)) else { return .notANumber }
            return parsed.isFinite ? .value(parsed) : .tooLarge
        }
        return .value(negative ? -value : value)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// 10⁰ … 10²², each exact in a `Double`.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
