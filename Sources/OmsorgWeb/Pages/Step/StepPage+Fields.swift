import OmsorgDomain

extension StepPage {
    /// The form control of one field of the step table, with its label from the catalogue: the
    /// step's own wording where it has one (`step.KIND.FIELD`), else the field's (`field.FIELD`).
    struct FieldView {
        let field: StepField
        let step: CaseStep.Kind
        let file: CaseFile
        let state: FormState
        let texts: Texts

        var label: String { texts.optional("step.\(step.rawValue).\(field.name)") ?? texts("field.\(field.name)") }
        var hint: String? { texts.optional("step.\(step.rawValue).\(field.name).hint") ?? texts.optional("hint.\(field.name)") }

        var body: Markup.Fragment {
            let name = field.name
            switch field.kind {
            case .text:
                return Forms.textInput(name, label: label, hint: hint, optional: field.optional, state: state, texts: texts)
            case .longText:
                return Forms.textArea(name, label: label, hint: hint, optional: field.optional, state: state, texts: texts)
            case .instant:
                return Forms.instant(name, legend: label, state: state, texts: texts)
            case .date:
                return Forms.textInput(name, label: label, hint: texts("form.date-hint"), optional: field.optional, state: state,
                                       texts: texts, width: "date")
            case .integer:
                return Forms.textInput(name, label: label, hint: hint, optional: field.optional, state: state, texts: texts, width: "number")
            case .bool:
                return Forms.radios(name, legend: label, options: [("true", texts("common.yes")), ("false", texts("common.no"))], hint: hint,
                                    state: state, texts: texts, inline: true)
            case .choice(let values):
                return Forms.radios(name, legend: label, options: values.map { ($0, texts("choice.\(name).\($0)")) }, hint: hint,
                                    state: state, texts: texts)
            case .report:
                let options = StepPage.reports(for: step, in: file).map { report in
                    (report.id.description, texts("step.report-option", ["date": texts.instant(report.receivedAt),
                                                                          "notifier": texts("choice.notifierKind.\(report.notifier.kind.rawValue)")]))
                }
                return Forms.radios(name, legend: label, options: options, state: state, texts: texts)
            case .measure:
                let options = file.runningMeasures.map { measure in
                    (measure.id.description, texts("step.measure-option", ["kind": measure.kind, "basis": measure.legalBasis.rawValue,
                                                                           "start": texts.date(measure.startDate)]))
                }
                return Forms.radios(name, legend: label, options: options, state: state, texts: texts)
            case .goals:
                return goals
            case .goalAttainment:
                return attainment
            }
        }

        private var goals: Markup.Fragment {
            Markup.element("fieldset", [("class", "goals")]) {
                Markup.element("legend") { Markup.text(label) }
                Forms.fieldNotes("goals", hint: texts("step.child-plan.goals.hint"), error: nil)
                for index in 0..<3 {
                    Forms.textArea("goals-\(index)", name: "goals[\(index)]", label: texts("case.goal", ["number": String(index + 1)]), optional: index > 0,
                                   state: state, texts: texts, rows: 2)
                }
            }
        }

        private var attainment: Markup.Fragment {
            let goals = file.plan?.goals ?? []
            return Markup.element("fieldset", [("class", "goal-attainment")]) {
                Markup.element("legend") { Markup.text(label) }
                if goals.isEmpty {
                    Markup.element("p", [("class", "hint")]) { Markup.text(texts("step.follow-up.no-plan")) }
                }
                for goal in goals {
                    Forms.radios("goalAttainment[\(goal.id)]", legend: goal.description,
                                 options: FollowUp.Attainment.allCases.map { ($0.rawValue, texts("choice.attainment.\($0.rawValue)")) },
                                 state: state, texts: texts, inline: true)
                }
            }
        }
    }
}
