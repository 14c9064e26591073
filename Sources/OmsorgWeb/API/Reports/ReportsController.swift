import OmsorgDomain
import OmsorgStore
import Vapor

/// Reports of concern: the entry to the flow. A report opens a case for the child, or joins the
/// child's open case.
enum ReportsController {
    struct ReportBody: RequestBody {
        static let choices = ["notifier.kind": ReportOfConcern.NotifierKind.allCases.map(\.rawValue)]

        struct ChildBody: Codable {
            let personNumber: String
            let name: String
            let schoolOrDaycare: String?
        }

        let child: ChildBody
        let notifier: ReportOfConcern.Notifier
        let receivedAt: Date
        let description: String

        func validChild() throws -> Child {
            Child(personNumber: try RequestFields.personNumber(child.personNumber, field: "child.personNumber"),
                  name: try RequestFields.text(child.name, field: "child.name"), schoolOrDaycare: child.schoolOrDaycare)
        }
    }

    struct ReportCreated: Encodable {
        let reportId: ReportOfConcern.ID
        let caseId: CaseFile.ID
        let joinedExistingCase: Bool
        /// Absent when the report joined another team's case, which the caller may not read.
        let `case`: CaseDTO?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.post("reports-of-concern", use: create)
    }

    static func create(_ request: Request) async throws -> Response {
        let body = try request.decode(ReportBody.self)
        let report = ReportOfConcern(notifier: body.notifier, receivedAt: body.receivedAt, description: body.description)
        let signedIn = try request.signedIn
        let received = try await request.cases.receiveReport(report, about: try body.validChild(), access: signedIn.access(),
                                                             assigningTo: signedIn.user.caseworkerForNewCases, now: request.now)
        let created = ReportCreated(reportId: report.id, caseId: received.caseID, joinedExistingCase: received.joinedExistingCase,
                                    case: received.record.map { CaseDTO($0, now: request.now) })
        return try JSON.response(created, status: .created)
    }
}
