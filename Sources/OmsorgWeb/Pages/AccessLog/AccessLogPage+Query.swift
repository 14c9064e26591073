import OmsorgDomain
import OmsorgStore
import Vapor

extension AccessLogPage {
    static func model(_ childID: Child.ID, for user: StaffUser, on request: Request) async throws -> Model {
        Model(log: try await request.audit.accessLog(of: childID, access: Access(user, purpose: .accessReview), limit: limit, now: request.now))
    }
}
