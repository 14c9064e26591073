import OmsorgDomain

extension NewReportPage {
    struct View {
        let context: PageContext
        let model: Model

        func render() -> String {
            let texts = context.texts
            let state = model.form
            return PageLayout(context: context, title: texts("report.title"), hasErrors: state.hasErrors, content: Markup.group {
                Forms.errorSummary(state, texts)
                Markup.element("h1") { Markup.text(texts("report.title")) }
                Markup.element("p", [("class", "lead")]) { Markup.text(texts("report.intro")) }
                Markup.element("form", [("method", "post"), ("action", "/reports"), ("id", "report-form"), ("novalidate", "")]) {
                    Forms.csrf(context)
                    child
                    notifier
                    Forms.instant("receivedAt", legend: texts("field.receivedAt"), state: state, texts: texts)
                    Forms.textArea("description", label: texts("field.description"), hint: texts("hint.description"), state: state,
                                   texts: texts, rows: 6)
                    Forms.submit(texts("report.submit"), id: "save-report")
                }
            }).render()
        }

        /// Where a report went that joined another team's case, which the user may not open.
        static func joinedElsewhere(_ context: PageContext) -> String {
            let texts = context.texts
            return PageLayout(context: context, title: texts("report.title"), content: Markup.group {
                Markup.element("h1") { Markup.text(texts("report.title")) }
                Markup.element("div", [("class", "notice"), ("id", "report-joined-elsewhere")]) {
                    Markup.element("p") { Markup.text(texts("report.joined-elsewhere")) }
                }
                Markup.element("p") { Markup.element("a", [("href", "/worktray")]) { Markup.text(texts("nav.worktray")) } }
            }).render()
        }

        private var child: Markup.Fragment {
            let texts = context.texts
            let state = model.form
            return Markup.element("fieldset", [("class", "group")]) {
                Markup.element("legend") { Markup.text(texts("report.child")) }
                Forms.textInput("personNumber", label: texts("field.personNumber"), hint: texts("hint.personNumber"), state: state,
                                texts: texts, width: "medium")
                Markup.element("button", [("type", "submit"), ("name", "action"), ("value", "find"), ("class", "button button-secondary"),
                                          ("id", "find-child"), ("formnovalidate", "")]) { Markup.text(texts("report.find-child")) }
                if let known = model.knownChild {
                    Markup.element("div", [("class", "notice"), ("id", "known-child")]) {
                        Markup.element("p") {
                            Markup.text(texts("report.known-child", ["name": known.name, "school": known.schoolOrDaycare ?? texts("common.none")]))
                        }
                    }
                } else {
                    Forms.textInput("childName", label: texts("field.childName"), hint: texts("hint.childName"), state: state, texts: texts)
                    Forms.textInput("schoolOrDaycare", label: texts("field.schoolOrDaycare"), optional: true, state: state, texts: texts)
                }
            }
        }

        private var notifier: Markup.Fragment {
            let texts = context.texts
            let state = model.form
            let selected = state.value("notifierKind")
            return Markup.element("div", [("class", state.message(for: "notifierKind") == nil ? "field" : "field field-with-error")]) {
                Markup.element("fieldset", [("class", "radios conditional-radios")]) {
                    Markup.element("legend") { Markup.text(texts("field.notifierKind")) }
                    Forms.fieldNotes("notifierKind", hint: texts("hint.notifierKind"), error: state.message(for: "notifierKind"))
                    for (index, kind) in ReportOfConcern.NotifierKind.allCases.enumerated() {
                        let id = index == 0 ? "notifierKind" : "notifierKind-\(index + 1)"
                        Markup.element("div", [("class", "radio")]) {
                            Markup.void("input", [("type", "radio"), ("id", id), ("name", "notifierKind"), ("value", kind.rawValue),
                                                  ("checked", selected == kind.rawValue ? "" : nil), ("aria-controls", "conditional-\(kind.rawValue)")])
                            Markup.element("label", [("for", id)]) { Markup.text(texts("choice.notifierKind.\(kind.rawValue)")) }
                        }
                        conditional(kind)
                    }
                }
            }
        }

        /// The fields a notifier of this kind needs, shown under its radio button.
        private func conditional(_ kind: ReportOfConcern.NotifierKind) -> Markup.Fragment {
            let texts = context.texts
            let state = model.form
            return Markup.element("div", [("class", "conditional"), ("id", "conditional-\(kind.rawValue)"), ("data-conditional", kind.rawValue)]) {
                switch kind {
                case .professional:
                    Forms.textInput("professionalName", label: texts("field.notifierName"), optional: true, state: state, texts: texts)
                    Forms.textInput("professionalOrganisation", label: texts("field.organisation"), hint: texts("hint.organisation"),
                                    state: state, texts: texts)
                    Forms.textInput("professionalEmail", label: texts("field.email"), optional: true, state: state, texts: texts, type: "email")
                case .private:
                    Forms.textInput("privateName", label: texts("field.notifierName"), optional: true, state: state, texts: texts)
                    Forms.textInput("privateEmail", label: texts("field.email"), optional: true, state: state, texts: texts, type: "email")
                case .anonymous:
                    Markup.element("p", [("class", "hint")]) { Markup.text(texts("report.anonymous-hint")) }
                }
            }
        }
    }
}
