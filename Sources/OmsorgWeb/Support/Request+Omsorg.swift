import Fluent
import OmsorgDomain
import OmsorgStore
import Vapor

extension Request {
    var now: Date { application.web.now() }

    var cases: CaseRepository { CaseRepository(db, audit: application.auditWriter) }

    var staff: StaffRepository { StaffRepository(db) }

    var audit: AuditRepository { AuditRepository(db) }

    func decode<T: RequestBody>(_ type: T.Type) throws -> T {
        try JSON.decode(type, from: self, maxBytes: application.web.maxBodyBytes)
    }

    func parameter<Owner>(_ name: String, as type: Identifier<Owner>.Type) throws -> Identifier<Owner> {
        guard let text = parameters.get(name), let id = Identifier<Owner>(string: text) else {
            throw Problem.badRequest("'\(parameters.get(name) ?? "")' is not a valid identifier.", field: name)
        }
        return id
    }
}
