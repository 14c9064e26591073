import OmsorgDomain
import Vapor

/// A JSON request body decoded as a whole. Its enumerations name their values, so that a wrong
/// one is answered with the values the API takes rather than the decoder's words.
protocol RequestBody: Codable {
    /// The allowed values of each enumeration field, by its path in the body.
    static var choices: [String: [String]] { get }
}

extension RequestBody {
    static var choices: [String: [String]] { [:] }
}

/// The API's one JSON dialect: ISO 8601 times, refused unknown fields, a bounded body.
enum JSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parseInstant(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                    debugDescription: "A time is written in ISO 8601 with a zone, e.g. 2024-03-28T09:30:00+01:00; got '\(text)'."))
            }
            return date
        }
        return decoder
    }()

    static func parseInstant(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601)) ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    static func response(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(value)))
    }

    /// Decodes a request body, refusing what a lenient decoder would silently drop: unknown fields
    /// (often a misspelt optional field) and bodies over the size limit.
    static func decode<T: RequestBody>(_ type: T.Type, from request: Request, maxBytes: Int) throws -> T {
        let data = try body(of: request, maxBytes: maxBytes)
        let sent = try document(data)
        let value: T
        do {
            value = try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Problem(error, choices: T.choices)
        }
        let understood = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
        if let unknown = unknownField(in: sent, understood: understood, path: "") {
            throw Problem.unprocessable("Unknown field '\(unknown)'.", field: unknown)
        }
        return value
    }

    /// A request's JSON body as sent, for checking against a table of fields.
    static func value(from request: Request, maxBytes: Int) throws -> JSONValue {
        try document(try body(of: request, maxBytes: maxBytes))
    }

    /// The body parsed once, for every route: valid JSON, and no text in it holding a control
    /// character (`PlainText`).
    private static func document(_ data: Data) throws -> JSONValue {
        guard let document = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw Problem.badRequest("The request body is not valid JSON.")
        }
        if let (field, character) = document.forbiddenText() {
            throw Problem.unprocessable(FieldProblem.controlCharacter(character).message(field: field), field: field)
        }
        return document
    }

    private static func body(of request: Request, maxBytes: Int) throws -> Data {
        guard let buffer = request.body.data, buffer.readableBytes > 0 else { throw Problem.badRequest("A JSON body is required.") }
        guard buffer.readableBytes <= maxBytes else {
            throw Problem(.payloadTooLarge, "The request body is larger than \(maxBytes / 1024) KB.")
        }
        guard request.headers.contentType == .json else { throw Problem(.unsupportedMediaType, "Send the body as application/json.") }
        return Data(buffer.readableBytesView)
    }

    /// The first field of `sent` that has no counterpart in `understood`, the decoded value encoded again.
    private static func unknownField(in sent: JSONValue, understood: JSONValue, path: String) -> String? {
        switch (sent, understood) {
        case (.object(let sent), _):
            let understood = if case .object(let fields) = understood { fields } else { [String: JSONValue]() }
            for (key, value) in sent.sorted(by: { $0.key < $1.key }) where value != .null {
                let fieldPath = path.isEmpty ? key : "\(path).\(key)"
                guard let counterpart = understood[key] else { return fieldPath }
                if let nested = unknownField(in: value, understood: counterpart, path: fieldPath) { return nested }
            }
        case (.array(let sent), .array(let understood)):
            for (index, pair) in zip(sent, understood).enumerated() {
                if let nested = unknownField(in: pair.0, understood: pair.1, path: "\(path)[\(index)]") { return nested }
            }
        default:
            break
        }
        return nil
    }
}
