import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

extension NewReportPage {
    static func newForm(now: Date) -> FormState {
        FormState(values: ["receivedAt-date": FormDates.format(LocalDate(now)), "receivedAt-time": FormDates.formatTime(now)])
    }

    /// The known child for the typed person number, if it is a valid one.
    static func knownChild(_ form: [String: String], access: Access, on request: Request) async throws -> Child? {
        guard let personNumber = try? PersonNumber(form["personNumber"] ?? "") else { return nil }
        return try await request.cases.child(personNumber, access: access, now: request.now)
    }

    /// The report and its child from a checked form, or the messages for everything wrong in it.
    static func report(from form: [String: String], knownChild: Child?, texts: Texts) -> Result<(ReportOfConcern, Child), FormErrorList> {
        var messages: [FormState.Message] = []
        let personNumber = try? PersonNumber(form["personNumber"] ?? "")
        if personNumber == nil && !(form["personNumber"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            messages.append(FormState.Message(field: "personNumber", text: texts("error.person-number")))
        }
        let parsed = StepInput.parse(form: form, fields: fields)
        if case .failure(let errors) = parsed {
            messages += errors.errors.map { message($0.field, $0.problem, texts) }
        }
        guard case .success(let input) = parsed else { return .failure(FormErrorList(messages: messages)) }
        let childName = input.optionalText("childName") ?? knownChild?.name
        if childName == nil { messages.append(message("childName", .required, texts)) }
        let notifier = notifier(from: input)
        if notifier.kind == .professional && notifier.organisation == nil {
            messages.append(message("professionalOrganisation", .required, texts))
        }
        guard messages.isEmpty, let personNumber, let childName else { return .failure(FormErrorList(messages: messages)) }
        let child = knownChild ?? Child(personNumber: personNumber, name: childName, schoolOrDaycare: input.optionalText("schoolOrDaycare"))
        let report = ReportOfConcern(notifier: notifier, receivedAt: input.instant("receivedAt"), description: input.text("description"))
        return .success((report, child))
    }

    /// The notifier from the fields of the chosen kind only; the other kinds' fields are ignored.
    private static func notifier(from input: StepInput) -> ReportOfConcern.Notifier {
        let kind = input.choice("notifierKind", as: ReportOfConcern.NotifierKind.self)
        return switch kind {
        case .professional: .init(kind: kind, name: input.optionalText("professionalName"),
                                  organisation: input.optionalText("professionalOrganisation"), email: input.optionalText("professionalEmail"))
        case .private: .init(kind: kind, name: input.optionalText("privateName"), organisation: nil, email: input.optionalText("privateEmail"))
        case .anonymous: .init(kind: kind, name: nil, organisation: nil, email: nil)
        }
    }

    /// The form's input for a field the domain refused, named as the API names it.
    static func formField(forAPIField field: String?) -> String {
        switch field {
        case "receivedAt": "receivedAt-date"
        case "child.personNumber": "personNumber"
        case "child.name": "childName"
        case "child.schoolOrDaycare": "schoolOrDaycare"
        case let field?: field
        case nil: ""
        }
    }

    private static func message(_ field: String, _ problem: FieldProblem, _ texts: Texts) -> FormState.Message {
        let name = field.hasSuffix("-date") || field.hasSuffix("-time") ? "receivedAt" : field
        return FormState.Message(field: field, text: texts.message(for: problem, label: texts("field.\(name)")))
    }
}

/// The messages of a refused form, in the order of its fields.
struct FormErrorList: Error, Sendable {
    let messages: [FormState.Message]
}
