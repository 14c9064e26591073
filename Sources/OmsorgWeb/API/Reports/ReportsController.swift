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
                  name: child.name, schoolOrDaycare: child.schoolOrDaycare)
        }
    }

    /// A report that joined a case outside the caller's scope says only that it was forwarded:
    /// neither the case nor its id. That a case exists elsewhere the reporter does learn, as they
    /// must, to know the report reached someone who will act on it.
    struct ReportCreated: Encodable {
        let reportId: ReportOfConcern.ID
        let forwarded: Bool
        let caseId: CaseFile.ID?
        let joinedExistingCase: Bool?
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
        let visible = received.record != nil
        let created = ReportCreated(reportId: report.id, forwarded: !visible, caseId: visible ? received.caseID : nil,
                                    joinedExistingCase: visible ? received.joinedExistingCase : nil,
                                    case: received.record.map { CaseDTO($0, now: request.now) })
        return try JSON.response(created, status: .created)
    }
}
