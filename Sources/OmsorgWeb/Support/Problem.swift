import OmsorgDomain
import OmsorgStore
import Vapor

/// An error answer as problem details (RFC 9457): a status, a human message and, where one field of
/// the request is at fault, its name.
struct Problem: Error, Encodable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let field: String?
    /// Seconds before a refused request may be repeated (`Retry-After`); not part of the body.
    let retryAfter: Int?

    init(_ status: HTTPResponseStatus, _ detail: String, field: String? = nil, retryAfter: Int? = nil) {
        self.type = "about:blank"
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.field = field
        self.retryAfter = retryAfter
    }

    private enum CodingKeys: String, CodingKey {
        case type, title, status, detail, field
    }

    static func badRequest(_ detail: String, field: String? = nil) -> Problem { Problem(.badRequest, detail, field: field) }
    static func unprocessable(_ detail: String, field: String? = nil) -> Problem { Problem(.unprocessableEntity, detail, field: field) }
    static func forbidden(_ detail: String) -> Problem { Problem(.forbidden, detail) }
    static func unauthorized(_ detail: String) -> Problem { Problem(.unauthorized, detail) }

    /// Translates whatever went wrong into the answer the caller sees. Unknown errors are logged and
    /// answered without internals.
    init(from error: any Error, logger: Logger) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as CaseFlowError:
            self = error.kind == .conflict ? Problem(.conflict, error.message) : .unprocessable(error.message, field: error.field)
        case let blocker as ProposalBlocker:
            self = Problem(.conflict, blocker.message)
        case let error as ValidationError:
            self = .unprocessable(error.message)
        case let error as StoreError:
            self = Self.from(error)
        case let error as DecodingError:
            self = Problem(error, choices: [:])
        case is ConnectionPoolTimeoutError:
            // Every connection was busy for the whole wait: the service is overloaded, not broken.
            self = Problem(.serviceUnavailable, "The service is busy; nothing was saved or shown. Try again in a moment.", retryAfter: 5)
        case let error as any AbortError:
            self = Problem(error.status, error.reason)
        default:
            logger.error("Unexpected error: \(String(reflecting: error))")
            self = Problem(.internalServerError, "Something went wrong on our side; nothing was saved. Please try again.")
        }
    }

    private static func from(_ error: StoreError) -> Problem {
        switch error {
        case .notFound(let message): Problem(.notFound, message)
        case .concurrentChange: Problem(.conflict, "The case was changed by someone else at the same moment; load it again and repeat.")
        case .duplicate(let message, let field): Problem(.conflict, message, field: field)
        case .changedSince(let current):
            Problem(.preconditionFailed, "Someone else has changed it since the version you sent; nothing was changed. It is now version \(current): load it again.",
                    field: "If-Match")
        case .busy: Problem(.serviceUnavailable, "The database is busy with a long task; nothing was saved or shown. Try again in a moment.", retryAfter: 5)
        }
    }

    /// A body the decoder refused, in the API's words: the field by its path, what it should hold,
    /// and never the decoder's own description of Swift types.
    init(_ error: DecodingError, choices: [String: [String]]) {
        switch error {
        case .keyNotFound(let key, let context):
            let field = Self.path(context.codingPath + [key])
            self = .unprocessable(FieldProblem.required.message(field: field), field: field)
        case .valueNotFound(_, let context):
            let field = Self.path(context.codingPath)
            self = .unprocessable(FieldProblem.required.message(field: field), field: field)
        case .typeMismatch(let type, let context):
            let field = Self.path(context.codingPath)
            self = .unprocessable("The field '\(field)' is \(Self.words(for: type, choices: choices[field])).", field: field)
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = Self.path(context.codingPath)
            // Person numbers, dates and times explain themselves; an enumeration names its values.
            let detail = choices[field].map { FieldProblem.notAChoice($0).message(field: field) }
                ?? "The field '\(field)' is invalid: \(context.debugDescription)"
            self = .unprocessable(detail, field: field)
        default:
            self = .badRequest("The request body is not valid JSON.")
        }
    }

    /// What a field of `type` holds, as the OpenAPI document says it.
    private static func words(for type: Any.Type, choices: [String]?) -> String {
        if let choices { return "one of \(choices.joined(separator: ", "))" }
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Dictionary") ? "an object" : name.hasPrefix("Array") ? "a list" : "of another type"
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return path.isEmpty ? key.stringValue : "\(path).\(key.stringValue)"
        }
    }
}

/// Answers every error: as problem details under `/api` and for `/health`, and as an HTML page
/// everywhere else, where a person in a browser made the request.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Problem(from: error, logger: request.logger)
            let status = HTTPResponseStatus(statusCode: problem.status)
            let response: Response
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                response = try JSON.response(problem, status: status)
                response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
            } else {
                response = PageResponse.html(ErrorPage.render(status: status, formExpired: error is FormTokenRefusal, context: request.pageContext),
                                             status: status)
            }
            if let seconds = problem.retryAfter { response.headers.replaceOrAdd(name: "Retry-After", value: String(seconds)) }
            return response
        }
    }
}
