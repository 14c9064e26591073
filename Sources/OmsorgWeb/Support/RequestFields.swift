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
}
