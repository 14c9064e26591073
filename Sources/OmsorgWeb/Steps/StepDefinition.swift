import NIOHTTP1
import OmsorgDomain

/// One step of the statutory flow as the web layer offers it: where the API takes it, what it is
/// called in the OpenAPI document, its fields, and how its checked input becomes the domain's step.
struct StepDefinition: Sendable {
    let kind: CaseStep.Kind
    /// The API path under `/api/v1/cases/{caseId}/`.
    let path: [String]
    let method: HTTPMethod
    /// The OpenAPI operation's summary.
    let summary: String
    let fields: [StepField]
    let make: @Sendable (StepInput) -> CaseStep

    init(_ kind: CaseStep.Kind, path: String, method: HTTPMethod = .POST, summary: String, fields: [StepField],
         make: @escaping @Sendable (StepInput) -> CaseStep) {
        self.kind = kind
        self.path = path.split(separator: "/").map(String.init)
        self.method = method
        self.summary = summary
        self.fields = fields
        self.make = make
    }

    /// The name of the request body's schema in the OpenAPI document, e.g. `UrgentAssessmentRequest`.
    var schemaName: String {
        kind.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Request"
    }
}
