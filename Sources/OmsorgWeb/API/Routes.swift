import OmsorgDomain
import Vapor

/// Sets up the HTTP layer: its settings, its middleware and every route.
public func installWeb(on app: Application, settings: WebSettings) {
    app.web = settings
    app.startPasswordHasher(cost: settings.passwordCost)
    app.startAuditWriter()
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxBodyBytes)
    app.middleware = Middlewares()
    // Outermost, so that error answers carry the headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ProblemMiddleware())
    registerRoutes(app)
}

/// Every route of the service. The OpenAPI document (`Resources/openapi.json`) describes the same
/// set; a test holds the two together.
func registerRoutes(_ app: Application) {
    app.get("health") { _ in try JSON.response(["status": "ok"]) }
    let api = app.grouped("api", "v1")
    api.get("openapi.json", use: OpenAPIDocument.serve)
    api.post("auth", "login", use: AuthController.login)
    api.post("auth", "password", use: AuthController.chooseOwnPassword)

    let signedIn = api.grouped(BearerTokenAuthenticator(), RoleGuard(allows: { _ in true }, purpose: "this service"))
    signedIn.post("auth", "logout", use: AuthController.logout)
    signedIn.get("auth", "me", use: AuthController.me)

    let casework = api.grouped(BearerTokenAuthenticator(), RoleGuard(allows: \.worksCases, purpose: "case content"))
    ReportsController.register(casework)
    CasesController.register(casework)
    casework.get("worktray", use: WorktrayController.show)
    ProposalsController.register(casework)

    let review = api.grouped(BearerTokenAuthenticator(), RoleGuard(allows: \.reviewsAccess, purpose: "access logs"))
    review.get("children", ":childID", "access-log", use: AccessLogController.show)

    let administration = api.grouped(BearerTokenAuthenticator(), RoleGuard(allows: { $0 == .administrator }, purpose: "user administration"))
    UsersController.register(administration)

    // A signed-in page whose session has ended sends a form's POST to the sign-in page, not to a
    // 403 about its token, which the new sign-in would not have matched anyway.
    let pages = app.grouped(PageSessionMiddleware())
    PagesController.register(public: pages.grouped(CSRFGuard()), signedIn: pages.grouped(RequirePageSession(), CSRFGuard()))
}

/// The OpenAPI document: the hand-written `Resources/openapi.json` with the step table's paths added.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url),
              let written = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let document = try? JSONSerialization.data(withJSONObject: StepTable.addingSteps(to: written), options: [.sortedKeys])
        else { fatalError("openapi.json is missing from the OmsorgWeb bundle or is not a JSON object") }
        return document
    }()

    static func serve(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
