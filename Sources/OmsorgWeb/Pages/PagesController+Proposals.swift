import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

/// The early-detection pages: the worklist, a proposal, and each step of its consent workflow as a
/// form that answers with the proposal again, or with the form and what is wrong with it.
extension PagesController {
    static func registerProposals(_ routes: any RoutesBuilder) {
        routes.get("proposals", use: proposalList)
        routes.get("proposals", ":proposalID", use: proposalPage)
        routes.post("proposals", ":proposalID", ":action", use: proposalStep)
        routes.get("proposals", ":proposalID", "cases", ":caseID", use: proposalCase)
    }

    static func proposalList(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let works = try await ProposalPage.worklist(for: user, on: request)
        return PageResponse.html(ProposalListView(context: request.pageContext, works: works, user: user.id).render())
    }

    static func proposalPage(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let notice = (try? request.query.get(String.self, at: "done")).flatMap(ProposalAction.init(rawValue:))
            .map { request.pageContext.texts("proposal.done.\($0.rawValue)") }
        let model = try await ProposalPage.model(try proposalID(request), for: user, notice: notice, on: request)
        return PageResponse.html(ProposalView(context: request.pageContext, model: model, now: request.now).render())
    }

    static func proposalStep(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let id = try proposalID(request)
        guard let action = request.parameters.get("action").flatMap(ProposalAction.init(rawValue:)) else { throw Abort(.notFound) }
        if action == .take && user.role != .caseworker { throw Abort(.forbidden) }
        let fields = try request.formFields()
        let access = Access(user, purpose: .earlyDetection), now = request.now
        let repository = ProposalRepository(request.db)
        do {
            try await ProposalForm.submit(action, fields, on: id, to: repository, access: access, now: now)
        } catch let error as CaseFlowError {
            let texts = request.pageContext.texts
            let field = ProposalForm.formField(error.field, action: action)
            let state = FormState(values: fields, messages: [.init(field: field, text: texts.refusal(error))])
            let model = try await ProposalPage.model(id, for: user, refused: (action, state), on: request)
            return PageResponse.html(ProposalView(context: request.pageContext, model: model, now: now).render(),
                                     status: error.kind == .conflict ? .conflict : .unprocessableEntity)
        }
        return PageResponse.seeOther("/proposals/\(id.uuidString)?done=\(action.rawValue)")
    }

    /// One of the family's cases, to read, once the family's consent is recorded; 404 before.
    static func proposalCase(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let id = try proposalID(request)
        guard let caseID = request.parameters.get("caseID").flatMap(UUID.init(uuidString:)).map(CaseFile.ID.init) else { throw Abort(.notFound) }
        let record = try await ProposalPage.familyCase(caseID, of: id, for: user, on: request)
        return PageResponse.html(CasePage.View(context: request.pageContext, model: CasePage.consented(record, via: id), now: request.now).render())
    }

    private static func proposalID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("proposalID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }
}

/// A proposal page's forms read into the workflow's steps; a missing or unreadable field is refused
/// as the domain refuses its data, naming the field.
enum ProposalForm {
    /// Reads the form of `action` and sends it to the store, which lets the workflow decide.
    static func submit(_ action: ProposalAction, _ fields: [String: String], on id: UUID, to repository: ProposalRepository,
                       access: Access, now: Date) async throws {
        let advance = { (step: @escaping @Sendable (inout ProposalWorkflow, StaffUser.ID, Date) throws -> Void) in
            _ = try await repository.advance(id, action, access: access, now: now) { try step(&$0, access.actor, now) }
        }
        switch action {
        case .take:
            try await advance { try $0.take(by: $1, at: $2) }
        case .dismiss:
            let reason = fields["reason"] ?? ""
            try await advance { try $0.dismiss(by: $1, reason: reason, at: $2) }
        case .requestConsent:
            let sentOn = try date(fields, "sentOn")
            try await advance { try $0.requestConsent(by: $1, sentOn: sentOn, at: $2) }
        case .recordAnswer:
            guard let answer = fields["answer"].flatMap(ConsentAnswer.init(rawValue:)) else { throw CaseFlowError.invalid("answer", .empty) }
            let answeredOn = try date(fields, "answeredOn"), note = fields["answerNote"]
            try await advance { try $0.record(answer, answeredOn: answeredOn, note: note, by: $1, at: $2) }
        case .recordRelevance:
            guard let relevance = fields["relevance"].flatMap(Relevance.init(rawValue:)) else { throw CaseFlowError.invalid("relevance", .empty) }
            let note = fields["relevanceNote"]
            try await advance { try $0.recordRelevance(relevance, note: note, by: $1, at: $2) }
        case .startEffort:
            _ = try await repository.startEffort(try effort(fields), on: id, access: access, now: now)
        }
    }

    static func effort(_ fields: [String: String]) throws(CaseFlowError) -> PreventiveEffort {
        let followUp = (fields["followUpDate"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? nil : try date(fields, "followUpDate")
        return PreventiveEffort(child: fields["child"] ?? "", offer: fields["offer"] ?? "", provider: fields["provider"] ?? "",
                                goals: (fields["goals"] ?? "").split(whereSeparator: \.isNewline).map(String.init),
                                startDate: try date(fields, "startDate"), followUpDate: followUp, note: fields["effortNote"])
    }

    /// The form's id of a field the domain names: the notes have one id per form.
    static func formField(_ field: String?, action: ProposalAction) -> String {
        guard let field else { return "" }
        if field.hasPrefix("goals") { return "goals" }
        guard field == "note" else { return field }
        switch action {
        case .recordAnswer: return "answerNote"
        case .recordRelevance: return "relevanceNote"
        default: return "effortNote"
        }
    }

    private static func date(_ fields: [String: String], _ name: String) throws(CaseFlowError) -> LocalDate {
        guard let date = FormDates.date(fields[name] ?? "") else { throw .invalid(name, .dateForm) }
        return date
    }
}
