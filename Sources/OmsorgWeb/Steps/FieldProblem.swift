import OmsorgDomain

/// Why one field of a step's input was refused, before the domain sees the step. The API writes it
/// in English; the pages look it up in the catalogue under `code`.
enum FieldProblem: Error, Sendable, Equatable {
    case required
    case notText
    case notAnInstant
    case notADate
    case notATime
    case notABool
    case notAWholeNumber
    case outOfRange(ClosedRange<Int>)
    case notAChoice([String])
    case notAnIdentifier
    case unknownField
    /// Text with a control character other than tab and line breaks (`PlainText`).
    case controlCharacter(Unicode.Scalar)

    /// One problem of each kind, for checking that the catalogue words them all.
    static let examples: [FieldProblem] = [.required, .notText, .notAnInstant, .notADate, .notATime, .notABool, .notAWholeNumber,
                                           .outOfRange(0...1), .notAChoice([]), .notAnIdentifier, .unknownField,
                                           .controlCharacter("\u{0}")]

    var code: String {
        switch self {
        case .required: "required"
        case .notText: "not-text"
        case .notAnInstant: "not-an-instant"
        case .notADate: "not-a-date"
        case .notATime: "not-a-time"
        case .notABool: "not-a-bool"
        case .notAWholeNumber: "not-a-whole-number"
        case .outOfRange: "out-of-range"
        case .notAChoice: "not-a-choice"
        case .notAnIdentifier: "not-an-identifier"
        case .unknownField: "unknown-field"
        case .controlCharacter: "control-character"
        }
    }

    /// The API's message for `field`.
    func message(field: String) -> String {
        switch self {
        case .required: "The field '\(field)' is required."
        case .notText: "The field '\(field)' is text."
        case .notAnInstant: "The field '\(field)' is a time in ISO 8601 with a zone, e.g. 2024-03-28T09:30:00+01:00."
        case .notADate: "The field '\(field)' is a date written YYYY-MM-DD, e.g. 2024-03-28."
        case .notATime: "The field '\(field)' is a time of day written HH:MM."
        case .notABool: "The field '\(field)' is true or false."
        case .notAWholeNumber: "The field '\(field)' is a whole number."
        case .outOfRange(let range): "The field '\(field)' lies from \(range.lowerBound) to \(range.upperBound)."
        case .notAChoice(let values): "The field '\(field)' is one of \(values.joined(separator: ", "))."
        case .notAnIdentifier: "The field '\(field)' is an identifier (UUID)."
        case .unknownField: "Unknown field '\(field)'."
        case .controlCharacter(let character): DataProblem.controlCharacter(character).message(field: "The field '\(field)'")
        }
    }
}

/// A refused field: where it is and why.
struct FieldError: Error, Sendable, Equatable {
    /// The field as the caller wrote it: a JSON path in the API, an input's id in a form.
    let field: String
    let problem: FieldProblem
}
