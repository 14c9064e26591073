import OmsorgDomain

extension StepPage {
    /// The messages of a refused form, next to the inputs they concern.
    static func messages(_ errors: [FieldError], step: StepDefinition, texts: Texts) -> [FormState.Message] {
        errors.map { error in
            let label = self.label(ofInput: error.field, step: step, texts: texts)
            return FormState.Message(field: error.field, text: texts.message(for: error.problem, label: label))
        }
    }

    /// A domain refusal: a step that cannot be taken now goes to the summary alone; wrong data goes
    /// next to the input it names.
    static func message(_ error: CaseFlowError, step: StepDefinition, texts: Texts) -> FormState.Message {
        FormState.Message(field: error.field.map { input(for: $0, step: step) } ?? "", text: texts.refusal(error))
    }

    /// The input that shows a field the API names: a time's date part, a goal's own box.
    static func input(for apiField: String, step: StepDefinition) -> String {
        if apiField.hasPrefix("goals["), let index = apiField.dropFirst(6).split(separator: "]").first {
            return "goals-\(index)"
        }
        guard let field = step.fields.first(where: { apiField == $0.name || apiField.hasPrefix($0.name + "[") }) else { return "" }
        if case .instant = field.kind { return "\(field.name)-date" }
        return field.name
    }

    private static func label(ofInput id: String, step: StepDefinition, texts: Texts) -> String {
        let name = step.fields.first { id == $0.name || id.hasPrefix($0.name + "-") || id.hasPrefix($0.name + "[") }?.name ?? id
        return texts.optional("step.\(step.kind.rawValue).\(name)") ?? texts("field.\(name)")
    }
}
