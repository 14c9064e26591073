import OmsorgDomain

/// The report of concern in one form: the child, the notifier with exactly the fields their kind
/// needs, when it was received, and what was observed.
enum NewReportPage {
    struct Model: Sendable {
        let form: FormState
        /// The child the person number belongs to, when the municipality knows them already.
        let knownChild: Child?
    }

    /// The form's fields, read with the same checks as a step's.
    static let fields: [StepField] = [
        StepField("personNumber", .text), StepField("childName", .text, optional: true),
        StepField("schoolOrDaycare", .text, optional: true), .choice("notifierKind", ReportOfConcern.NotifierKind.self),
        StepField("professionalName", .text, optional: true), StepField("professionalOrganisation", .text, optional: true),
        StepField("professionalEmail", .text, optional: true), StepField("privateName", .text, optional: true),
        StepField("privateEmail", .text, optional: true), StepField("receivedAt", .instant), StepField("description", .longText),
    ]
}
