import OmsorgDomain
import Vapor

extension SearchPage {
    static func model(_ text: String?, for user: StaffUser, on request: Request) async throws -> Model {
        let query = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return Model(query: "", results: nil) }
        return Model(query: query, results: try await request.cases.search(String(query.prefix(100)), access: Access(user, purpose: .casework), limit: limit, now: request.now))
    }
}
