import OmsorgDomain
import OmsorgStore
import Vapor

/// The case routes: reading cases and recording each step of the statutory flow.
enum CasesController {
    static func register(_ routes: any RoutesBuilder) {
        let cases = routes.grouped("cases")
        cases.get(use: list)
        cases.get(":caseID", use: show)
        cases.post(":caseID", "family-members", use: addFamilyMember)
        cases.put(":caseID", "family-members", ":memberID", use: changeFamilyMember)
        cases.put(":caseID", "assignment", use: assign)
        for step in StepTable.all {
            cases.on(step.method, [":caseID"] + step.path.map(PathComponent.constant)) { try await record(step, $0) }
        }
    }

    static func record(_ step: StepDefinition, _ request: Request) async throws -> Response {
        guard case .object(let json) = try JSON.value(from: request, maxBytes: request.application.web.maxBodyBytes) else {
            throw Problem.badRequest("The request body is a JSON object.")
        }
        let input: StepInput
        do throws(FieldError) {
            input = try StepInput(json: json, fields: step.fields)
        } catch {
            throw Problem.unprocessable(error.problem.message(field: error.field), field: error.field)
        }
        let signedIn = try request.signedIn
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let record = try await request.cases.record(step.make(input), on: id, access: signedIn.access(), now: request.now)
        return try JSON.response(CaseDTO(record, now: request.now))
    }

    static func show(_ request: Request) async throws -> Response {
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let record = try await request.cases.find(id, access: try request.signedIn.access(), now: request.now)
        return try JSON.response(CaseDTO(record, now: request.now))
    }

    struct CaseListDTO: Encodable {
        struct Item: Encodable {
            let id: CaseFile.ID
            let childName: String
            let stage: CaseFile.Stage
            let openedAt: Date
            let caseworkerId: StaffUser.ID?
        }

        let items: [Item]
    }

    static func list(_ request: Request) async throws -> Response {
        let stage = try request.query.get(String?.self, at: "stage").map { text in
            guard let stage = CaseFile.Stage(rawValue: text) else {
                throw Problem.badRequest("Unknown stage '\(text)'; one of \(CaseFile.Stage.allCases.map(\.rawValue).joined(separator: ", ")).", field: "stage")
            }
            return stage
        }
        let summaries = try await request.cases.list(access: try request.signedIn.access(), stage: stage, limit: 500, now: request.now)
        return try JSON.response(CaseListDTO(items: summaries.map {
            .init(id: $0.id, childName: $0.childName, stage: $0.stage, openedAt: $0.openedAt, caseworkerId: $0.caseworkerID)
        }))
    }

    struct FamilyMemberBody: RequestBody {
        static let choices = ["relation": FamilyMember.Relation.allCases.map(\.rawValue)]

        let name: String
        let personNumber: String?
        let relation: FamilyMember.Relation
        let hasCustody: Bool
        let livesWithChild: Bool
        let occupation: String?

        func member(id: FamilyMember.ID = FamilyMember.ID()) throws -> FamilyMember {
            FamilyMember(id: id, name: name, personNumber: try personNumber.map { try RequestFields.personNumber($0, field: "personNumber") },
                         relation: relation, hasCustody: hasCustody, livesWithChild: livesWithChild, occupation: occupation)
        }
    }

    static func addFamilyMember(_ request: Request) async throws -> Response {
        let member = try request.decode(FamilyMemberBody.self).member()
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let record = try await request.cases.addFamilyMember(member, to: id, access: try request.signedIn.access(), now: request.now)
        return try JSON.response(CaseDTO(record, now: request.now), status: .created)
    }

    /// Replaces what is recorded about a family member. With `If-Match` naming the member's
    /// `version`, only if no one has changed it since; otherwise 412 and nothing changes.
    static func changeFamilyMember(_ request: Request) async throws -> Response {
        let memberID = try request.parameter("memberID", as: FamilyMember.ID.self)
        let member = try request.decode(FamilyMemberBody.self).member(id: memberID)
        let version = try request.ifMatchVersion
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let record = try await request.cases.changeFamilyMember(member, on: id, ifVersion: version, access: try request.signedIn.access(), now: request.now)
        let response = try JSON.response(CaseDTO(record, now: request.now))
        if let changed = record.family.first(where: { $0.id == memberID }) { response.headers.setVersion(changed.version) }
        return response
    }

    struct AssignmentBody: RequestBody {
        let caseworkerId: StaffUser.ID
    }

    /// Team leaders assign a case to a caseworker of their own team. With `If-Match` naming the
    /// assignment's version (`assignmentVersion`, or the `ETag` of the last assignment), it is
    /// assigned only if no one has assigned it since; otherwise 412 and nothing changes.
    static func assign(_ request: Request) async throws -> Response {
        let signedIn = try request.signedIn
        guard signedIn.user.role == .teamLeader else { throw Problem.forbidden("Only a team leader assigns cases.") }
        let body = try request.decode(AssignmentBody.self)
        guard let caseworker = try await request.staff.user(body.caseworkerId, in: signedIn.user.municipalityID),
              caseworker.role == .caseworker, caseworker.team == signedIn.user.team
        else { throw Problem.unprocessable("No caseworker with that id in your team.", field: "caseworkerId") }
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let version = try request.ifMatchVersion
        let access = signedIn.access(for: .assignment)
        let assigned = try await request.cases.assign(id, to: caseworker.id, ifVersion: version, access: access, now: request.now)
        let response = try JSON.response(CaseDTO(try await request.cases.find(id, access: access, now: request.now), now: request.now))
        response.headers.setVersion(assigned)
        return response
    }
}
