/// A form as it is shown: the values in its fields (typed, or the defaults) and its errors, each
/// by the id of the field it belongs to, in the order the fields appear.
struct FormState: Sendable {
    struct Message: Sendable, Equatable {
        /// The id of the field the message belongs to; the error summary links to it.
        let field: String
        let text: String
    }

    var values: [String: String] = [:]
    var messages: [Message] = []

    var hasErrors: Bool { !messages.isEmpty }

    func value(_ id: String) -> String { values[id] ?? "" }

    func message(for id: String) -> String? { messages.first { $0.field == id }?.text }
}
