import OmsorgDomain

/// Checks of single request fields that the domain types cannot express in their Codable form.
enum RequestFields {
    static func personNumber(_ text: String, field: String) throws -> PersonNumber {
        do throws(ValidationError) {
            return try PersonNumber(text)
        } catch {
            throw Problem.unprocessable(error.message, field: field)
        }
    }

    static func text(_ text: String, field: String) throws -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem.unprocessable("\(field) must not be empty.", field: field)
        }
        return text
    }
}
