import OmsorgDomain
import OmsorgStore
import Vapor

extension PagesController {
    static func stepForm(_ request: Request) async throws -> Response {
        try await renderStep(request, form: nil)
    }

    static func recordStep(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let step = try stepDefinition(request)
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let texts = request.pageContext.texts
        let fields = try request.formFields()
        var form = FormState(values: fields)
        switch StepInput.parse(form: fields, fields: step.fields) {
        case .failure(let errors):
            form.messages = StepPage.messages(errors.errors, step: step, texts: texts)
        case .success(let input):
            do {
                _ = try await request.cases.record(step.make(input), on: id, access: Access(user, purpose: .casework), now: request.now)
                return PageResponse.seeOther("/cases/\(id)")
            } catch let error as CaseFlowError {
                // The report and measure choices come from the case itself: another one is a tampered form.
                if [.unknownReport, .unknownMeasure].contains(error.problem) { throw Abort(.notFound) }
                form.messages = [StepPage.message(error, step: step, texts: texts)]
            }
        }
        return try await renderStep(request, form: form, status: .unprocessableEntity)
    }

    private static func renderStep(_ request: Request, form: FormState?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.caseworkPageUser
        let context = request.pageContext
        let model = try await StepPage.model(try request.parameter("caseID", as: CaseFile.ID.self), try stepDefinition(request), for: user,
                                             texts: context.texts, form: form, on: request)
        return PageResponse.html(StepPage.View(context: context, model: model).render(), status: status)
    }

    private static func stepDefinition(_ request: Request) throws -> StepDefinition {
        guard let kind = request.parameters.get("kind").flatMap(CaseStep.Kind.init(rawValue:)), let step = StepTable.definition(of: kind) else {
            throw Abort(.notFound)
        }
        return step
    }

    static func familyMemberForm(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let record = try await request.cases.find(try request.parameter("caseID", as: CaseFile.ID.self), access: Access(user, purpose: .casework), now: request.now)
        return PageResponse.html(FamilyMemberPage.render(request.pageContext, record: record, form: FormState()))
    }

    static func familyMemberChangeForm(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let record = try await request.cases.find(try request.parameter("caseID", as: CaseFile.ID.self), access: Access(user, purpose: .casework), now: request.now)
        let memberID = try request.parameter("memberID", as: FamilyMember.ID.self)
        guard let member = record.family.first(where: { $0.id == memberID }) else { throw Abort(.notFound) }
        return PageResponse.html(FamilyMemberPage.render(request.pageContext, record: record, form: FormState(values: FamilyMemberPage.values(of: member)),
                                                         editing: member))
    }

    static func changeFamilyMember(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let context = request.pageContext
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let memberID = try request.parameter("memberID", as: FamilyMember.ID.self)
        let fields = try request.formFields()
        let access = Access(user, purpose: .casework)
        var shown = try await request.cases.find(id, access: access, now: request.now)
        guard var editing = shown.family.first(where: { $0.id == memberID }) else { throw Abort(.notFound) }
        switch FamilyMemberPage.member(from: fields, id: memberID, texts: context.texts) {
        case .success(let member):
            do {
                _ = try await request.cases.changeFamilyMember(member, on: id, ifVersion: try Request.formVersion(fields), access: access, now: request.now)
                return PageResponse.seeOther("/cases/\(id)")
            } catch StoreError.changedSince {
                // Show what is recorded now, for the change to be made again from there.
                shown = try await request.cases.find(id, access: access, now: request.now)
                editing = shown.family.first(where: { $0.id == memberID }) ?? editing
                return PageResponse.html(FamilyMemberPage.render(context, record: shown, form: FormState(values: FamilyMemberPage.values(of: editing)),
                                                                 editing: editing, changedMeanwhile: true), status: .conflict)
            }
        case .failure(let errors):
            editing.version = try Request.formVersion(fields)
            return PageResponse.html(FamilyMemberPage.render(context, record: shown, form: FormState(values: fields, messages: errors.messages), editing: editing),
                                     status: .unprocessableEntity)
        }
    }

    static func addFamilyMember(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let context = request.pageContext
        let id = try request.parameter("caseID", as: CaseFile.ID.self)
        let fields = try request.formFields()
        switch FamilyMemberPage.member(from: fields, texts: context.texts) {
        case .success(let member):
            _ = try await request.cases.addFamilyMember(member, to: id, access: Access(user, purpose: .casework), now: request.now)
            return PageResponse.seeOther("/cases/\(id)")
        case .failure(let errors):
            let record = try await request.cases.find(id, access: Access(user, purpose: .casework), now: request.now)
            return PageResponse.html(FamilyMemberPage.render(context, record: record, form: FormState(values: fields, messages: errors.messages)),
                                     status: .unprocessableEntity)
        }
    }
}
