import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

/// The consent-gated workflow of early detection's proposals: the team's worklist, and a
/// caseworker's steps on a proposal they take. The family's cases open only once consent is
/// recorded; before that they answer 404.
enum ProposalsController {
    static func register(_ routes: any RoutesBuilder) {
        let proposals = routes.grouped("proposals")
        proposals.get(use: list)
        proposals.get(":proposalID", use: show)
        proposals.post(":proposalID", "take", use: take)
        proposals.post(":proposalID", "dismissal", use: dismiss)
        proposals.post(":proposalID", "consent-request", use: requestConsent)
        proposals.post(":proposalID", "consent-answer", use: recordAnswer)
        proposals.post(":proposalID", "relevance", use: recordRelevance)
        proposals.post(":proposalID", "efforts", use: startEffort)
        proposals.get(":proposalID", "letter", use: letter)
        proposals.get(":proposalID", "cases", use: cases)
        proposals.get(":proposalID", "cases", ":caseID", use: familyCase)
    }

    struct ListDTO: Encodable { let items: [ProposalDTO] }

    static func list(_ request: Request) async throws -> Response {
        let state = try request.query.get(String?.self, at: "state").map { text in
            guard let state = ProposalState(rawValue: text) else {
                throw Problem.badRequest("Unknown state '\(text)'; one of \(ProposalState.allCases.map(\.rawValue).joined(separator: ", ")).", field: "state")
            }
            return state
        }
        let user = try request.signedIn.user
        let works = try await repository(request).worklist(access: access(request), state: state, now: request.now)
        return try JSON.response(ListDTO(items: works.map { ProposalDTO($0, user: user.id, now: request.now) }))
    }

    static func show(_ request: Request) async throws -> Response {
        try JSON.response(try await detail(request, work: try await work(request)))
    }

    static func take(_ request: Request) async throws -> Response {
        guard try request.signedIn.user.role == .caseworker else { throw Problem.forbidden("A caseworker takes a proposal from the worklist.") }
        return try await advance(request, .take) { try $0.take(by: $1, at: $2) }
    }

    struct DismissalBody: RequestBody { let reason: String }

    static func dismiss(_ request: Request) async throws -> Response {
        let body = try request.decode(DismissalBody.self)
        return try await advance(request, .dismiss) { try $0.dismiss(by: $1, reason: body.reason, at: $2) }
    }

    struct ConsentRequestBody: RequestBody { let sentOn: LocalDate }

    static func requestConsent(_ request: Request) async throws -> Response {
        let body = try request.decode(ConsentRequestBody.self)
        return try await advance(request, .requestConsent) { try $0.requestConsent(by: $1, sentOn: body.sentOn, at: $2) }
    }

    struct AnswerBody: RequestBody {
        static let choices = ["answer": ConsentAnswer.allCases.map(\.rawValue)]
        let answer: ConsentAnswer
        let answeredOn: LocalDate
        let note: String?
    }

    static func recordAnswer(_ request: Request) async throws -> Response {
        let body = try request.decode(AnswerBody.self)
        return try await advance(request, .recordAnswer) { try $0.record(body.answer, answeredOn: body.answeredOn, note: body.note, by: $1, at: $2) }
    }

    struct RelevanceBody: RequestBody {
        static let choices = ["relevance": Relevance.allCases.map(\.rawValue)]
        let relevance: Relevance
        let note: String?
    }

    static func recordRelevance(_ request: Request) async throws -> Response {
        let body = try request.decode(RelevanceBody.self)
        return try await advance(request, .recordRelevance) { try $0.recordRelevance(body.relevance, note: body.note, by: $1, at: $2) }
    }

    struct EffortBody: RequestBody {
        let child: String
        let offer: String
        let provider: String
        let goals: [String]
        let startDate: LocalDate
        let followUpDate: LocalDate?
        let note: String?
    }

    static func startEffort(_ request: Request) async throws -> Response {
        let body = try request.decode(EffortBody.self)
        let effort = PreventiveEffort(child: body.child, offer: body.offer, provider: body.provider, goals: body.goals, startDate: body.startDate,
                                      followUpDate: body.followUpDate, note: body.note)
        let work = try await repository(request).startEffort(effort, on: try proposalID(request), access: access(request), now: request.now)
        return try JSON.response(try await detail(request, work: work), status: .created)
    }

    struct LetterDTO: Encodable {
        let subject: String
        let body: String
    }

    /// The letter asking the custody holders for consent, in Danish, from the proposal's explanation.
    static func letter(_ request: Request) async throws -> Response {
        let work = try await work(request)
        let user = try request.signedIn.user
        guard work.workflow.holder == user.id else { throw ProposalBlocker.notHolder }
        let letter = try await ConsentLetter.of(work, for: user, on: request)
        return try JSON.response(LetterDTO(subject: letter.subject, body: letter.body))
    }

    struct CaseListDTO: Encodable {
        struct Item: Encodable {
            let id: CaseFile.ID
            let childName: String
            let stage: CaseFile.Stage
            let openedAt: Date
        }
        let items: [Item]
    }

    static func cases(_ request: Request) async throws -> Response {
        let (work, family) = try await workWithFamily(request)
        let cases = try await repository(request).familyCases(of: work, family: family, access: access(request), now: request.now)
        return try JSON.response(CaseListDTO(items: cases.map { .init(id: $0.id, childName: $0.childName, stage: $0.stage, openedAt: $0.openedAt) }))
    }

    static func familyCase(_ request: Request) async throws -> Response {
        let caseID = try request.parameter("caseID", as: CaseFile.ID.self)
        let (work, family) = try await workWithFamily(request)
        let record = try await repository(request).familyCase(caseID, of: work, family: family, access: access(request), now: request.now)
        return try JSON.response(CaseDTO(record, now: request.now))
    }

    // MARK: -

    private static func advance(_ request: Request, _ action: ProposalAction,
                                _ step: @escaping @Sendable (inout ProposalWorkflow, StaffUser.ID, Date) throws -> Void) async throws -> Response {
        let access = try access(request), now = request.now
        let work = try await repository(request).advance(try proposalID(request), action, access: access, now: now) { try step(&$0, access.actor, now) }
        return try JSON.response(try await detail(request, work: work))
    }

    private static func detail(_ request: Request, work: ProposalRepository.Work) async throws -> ProposalDTO {
        let user = try request.signedIn.user
        guard work.workflow.holder == user.id else { return ProposalDTO(work, user: user.id, now: request.now) }
        let family = try await repository(request).family(of: work, access: access(request), now: request.now)
        let efforts = try await repository(request).efforts(of: work.proposal.id, municipality: user.municipalityID)
        return ProposalDTO(work, user: user.id, now: request.now, family: family, efforts: efforts)
    }

    private static func workWithFamily(_ request: Request) async throws -> (ProposalRepository.Work, [ProposalRepository.FamilyPerson]) {
        let work = try await work(request)
        guard work.workflow.opensFamilyCases(to: try request.signedIn.user.id) else {
            throw ProposalRepository.noFamilyCases
        }
        return (work, try await repository(request).family(of: work, access: access(request), now: request.now))
    }

    private static func work(_ request: Request) async throws -> ProposalRepository.Work {
        try await repository(request).work(try proposalID(request), access: access(request), now: request.now)
    }

    private static func proposalID(_ request: Request) throws -> UUID {
        guard let text = request.parameters.get("proposalID"), let id = UUID(uuidString: text) else {
            throw Problem.badRequest("'\(request.parameters.get("proposalID") ?? "")' is not a valid identifier.", field: "proposalID")
        }
        return id
    }

    private static func access(_ request: Request) throws -> Access { try request.signedIn.access(for: .earlyDetection) }

    private static func repository(_ request: Request) -> ProposalRepository { ProposalRepository(request.db) }
}
