import OmsorgDomain
import OmsorgStore
import Vapor

/// `GET /api/v1/children/{childId}/access-log`: who has read or changed the child's data.
enum AccessLogController {
    /// The newest entries a reviewer is shown; the total says how many there are in all.
    static let limit = 500

    struct AccessLogDTO: Encodable {
        struct ChildDTO: Encodable {
            let id: Child.ID
            let name: String
        }

        struct EntryDTO: Encodable {
            let at: Date
            let actor: String?
            let role: Role
            let action: String
            let purpose: String
        }

        let child: ChildDTO
        let total: Int
        let entries: [EntryDTO]
    }

    static func show(_ request: Request) async throws -> Response {
        let id = try request.parameter("childID", as: Child.ID.self)
        let log = try await request.audit.accessLog(of: id, access: try request.signedIn.access(for: .accessReview), limit: limit, now: request.now)
        return try JSON.response(AccessLogDTO(child: .init(id: log.child.id, name: log.child.name), total: log.total, entries: log.entries.map {
            .init(at: $0.at, actor: $0.bySystem ? "Omsorg" : $0.actorName, role: $0.role, action: $0.action, purpose: $0.purpose)
        }))
    }
}
