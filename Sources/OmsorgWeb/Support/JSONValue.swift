import OmsorgDomain

/// A JSON document as it was sent, with whole numbers, fractions and booleans kept apart, so a
/// body can be checked field by field against a table of fields.
enum JSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case fraction(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .fraction(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

extension JSONValue {
    /// The first text anywhere in the document, keys included, that holds a character typed text
    /// may not hold, with its path as the API names fields (`child.name`, `goals[0].description`).
    func forbiddenText(path: String = "") -> (field: String, character: Unicode.Scalar)? {
        switch self {
        case .string(let text):
            return PlainText.forbiddenCharacter(in: text).map { (path, $0) }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let found = item.forbiddenText(path: "\(path)[\(index)]") { return found }
            }
        case .object(let fields):
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                let field = path.isEmpty ? key : "\(path).\(key)"
                if let character = PlainText.forbiddenCharacter(in: key) { return (field, character) }
                if let found = value.forbiddenText(path: field) { return found }
            }
        case .null, .bool, .integer, .fraction:
            break
        }
        return nil
    }
}
