import OmsorgDomain
import OmsorgStore
import Vapor

extension PagesController {
    static func newReport(_ request: Request) async throws -> Response {
        _ = try request.caseworkPageUser
        let model = NewReportPage.Model(form: NewReportPage.newForm(now: request.now), knownChild: nil)
        return PageResponse.html(NewReportPage.View(context: request.pageContext, model: model).render())
    }

    /// Saves the report and opens its case, or shows the form again: with the known child when
    /// "Find the child" was pressed, with the messages when something is wrong.
    static func createReport(_ request: Request) async throws -> Response {
        let user = try request.caseworkPageUser
        let context = request.pageContext
        let fields = try request.formFields()
        let access = Access(user, purpose: .casework)
        let known = try await NewReportPage.knownChild(fields, access: access, on: request)
        var form = FormState(values: fields)
        if fields["action"] == "find" {
            if known == nil && (try? PersonNumber(fields["personNumber"] ?? "")) == nil {
                form.messages = [FormState.Message(field: "personNumber", text: context.texts("error.person-number"))]
            }
            return PageResponse.html(NewReportPage.View(context: context, model: .init(form: form, knownChild: known)).render(),
                                     status: form.hasErrors ? .unprocessableEntity : .ok)
        }
        switch NewReportPage.report(from: fields, knownChild: known, texts: context.texts) {
        case .failure(let errors):
            form.messages = errors.messages
        case .success(let (report, child)):
            do {
                let received = try await request.cases.receiveReport(report, about: child, access: access,
                                                                     assigningTo: user.caseworkerForNewCases, now: request.now)
                guard received.record != nil else { return PageResponse.html(NewReportPage.View.joinedElsewhere(context)) }
                return PageResponse.seeOther("/cases/\(received.caseID)")
            } catch let error as CaseFlowError {
                form.messages = [FormState.Message(field: NewReportPage.formField(forAPIField: error.field), text: context.texts.refusal(error))]
            }
        }
        return PageResponse.html(NewReportPage.View(context: context, model: .init(form: form, knownChild: known)).render(),
                                 status: .unprocessableEntity)
    }
}
