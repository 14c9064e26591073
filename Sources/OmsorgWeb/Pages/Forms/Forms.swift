
/// Form controls after the GOV.UK Design System and Det Fælles Designsystem: a label on every
/// field, "(valgfri)" on optional ones, the message next to the field, and an error summary at the
/// top whose links move focus to the fields.
enum Forms {
    static func csrf(_ context: PageContext) -> Markup.Fragment {
        Markup.void("input", [("type", "hidden"), ("name", "_csrf"), ("value", context.csrfToken)])
    }

    static func errorSummary(_ state: FormState, _ texts: Texts) -> Markup.Fragment {
        Markup.group {
            if state.hasErrors {
                Markup.element("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"),
                                       ("aria-labelledby", "error-summary-title")]) {
                    Markup.element("h2", [("id", "error-summary-title")]) { Markup.text(texts("form.error-summary")) }
                    Markup.element("ul") {
                        for message in state.messages {
                            Markup.element("li") {
                                if message.field.isEmpty {
                                    Markup.text(message.text)
                                } else {
                                    Markup.element("a", [("href", "#" + message.field)]) { Markup.text(message.text) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A label with "(valgfri)" on optional fields, a hint, and the field's error message.
    static func labelled(_ id: String, label: String, hint: String?, optional: Bool, state: FormState, texts: Texts,
                         control: (_ describedBy: String?) -> Markup.Fragment) -> Markup.Fragment {
        let error = state.message(for: id)
        let describedBy = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        let field = control(describedBy.isEmpty ? nil : describedBy)
        return Markup.element("div", [("class", error == nil ? "field" : "field field-with-error")]) {
            Markup.element("label", [("for", id)]) { Markup.text(optional ? "\(label) \(texts("form.optional"))" : label) }
            fieldNotes(id, hint: hint, error: error)
            field
        }
    }

    static func fieldNotes(_ id: String, hint: String?, error: String?) -> Markup.Fragment {
        Markup.group {
            if let hint { Markup.element("p", [("class", "hint"), ("id", "\(id)-hint")]) { Markup.text(hint) } }
            if let error { Markup.element("p", [("class", "field-error"), ("id", "\(id)-error")]) { Markup.text(error) } }
        }
    }

    static func textInput(_ id: String, label: String, hint: String? = nil, optional: Bool = false, state: FormState,
                          texts: Texts, type: String = "text", width: String? = nil, autocomplete: String? = nil) -> Markup.Fragment {
        labelled(id, label: label, hint: hint, optional: optional, state: state, texts: texts) { describedBy in
            Markup.void("input", [("type", type), ("id", id), ("name", id), ("value", state.value(id)),
                                  ("class", width.map { "input input-\($0)" } ?? "input"), ("aria-describedby", describedBy),
                                  ("aria-invalid", state.message(for: id) == nil ? nil : "true"), ("autocomplete", autocomplete)])
        }
    }

    /// A text area; its `name` is its id unless the form names its fields otherwise (`goals[0]`).
    static func textArea(_ id: String, name: String? = nil, label: String, hint: String? = nil, optional: Bool = false,
                         state: FormState, texts: Texts, rows: Int = 5) -> Markup.Fragment {
        labelled(id, label: label, hint: hint, optional: optional, state: state, texts: texts) { describedBy in
            Markup.element("textarea", [("id", id), ("name", name ?? id), ("rows", String(rows)), ("class", "textarea"),
                                        ("aria-describedby", describedBy), ("aria-invalid", state.message(for: id) == nil ? nil : "true")]) {
                Markup.text(state.value(name ?? id))
            }
        }
    }

    /// Radio buttons in a fieldset. The first button's id is `name`, so an error links to it.
    static func radios(_ name: String, legend: String, options: [(value: String, label: String)], hint: String? = nil,
                       state: FormState, texts: Texts, inline: Bool = false) -> Markup.Fragment {
        let error = state.message(for: name)
        return Markup.element("div", [("class", error == nil ? "field" : "field field-with-error")]) {
            let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
            Markup.element("fieldset", [("class", inline ? "radios radios-inline" : "radios"),
                                        ("aria-describedby", describedBy.isEmpty ? nil : describedBy)]) {
                Markup.element("legend") { Markup.text(legend) }
                fieldNotes(name, hint: hint, error: error)
                for (index, option) in options.enumerated() {
                    let id = index == 0 ? name : "\(name)-\(index + 1)"
                    Markup.element("div", [("class", "radio")]) {
                        Markup.void("input", [("type", "radio"), ("id", id), ("name", name), ("value", option.value),
                                              ("checked", state.value(name) == option.value ? "" : nil)])
                        Markup.element("label", [("for", id)]) { Markup.text(option.label) }
                    }
                }
            }
        }
    }

    static func select(_ id: String, label: String, options: [(value: String, label: String)], state: FormState,
                       texts: Texts) -> Markup.Fragment {
        labelled(id, label: label, hint: nil, optional: false, state: state, texts: texts) { describedBy in
            Markup.element("select", [("id", id), ("name", id), ("class", "select"), ("aria-describedby", describedBy)]) {
                for option in options {
                    Markup.element("option", [("value", option.value), ("selected", state.value(id) == option.value ? "" : nil)]) {
                        Markup.text(option.label)
                    }
                }
            }
        }
    }

    /// A point in time as a date (dd-mm-åååå) and a time of day (tt:mm), in one fieldset.
    static func instant(_ name: String, legend: String, state: FormState, texts: Texts) -> Markup.Fragment {
        let dateID = "\(name)-date", timeID = "\(name)-time"
        let error = state.message(for: dateID) ?? state.message(for: timeID)
        return Markup.element("div", [("class", error == nil ? "field" : "field field-with-error")]) {
            Markup.element("fieldset", [("class", "instant")]) {
                Markup.element("legend") { Markup.text(legend) }
                if let error { Markup.element("p", [("class", "field-error"), ("id", "\(name)-error")]) { Markup.text(error) } }
                Markup.element("div", [("class", "instant-parts")]) {
                    textInput(dateID, label: texts("form.date"), hint: texts("form.date-hint"), state: state.withoutMessages, texts: texts,
                              width: "date")
                    textInput(timeID, label: texts("form.time"), hint: texts("form.time-hint"), state: state.withoutMessages, texts: texts,
                              width: "time")
                }
            }
        }
    }

    static func submit(_ label: String, id: String? = nil) -> Markup.Fragment {
        Markup.element("button", [("type", "submit"), ("class", "button"), ("id", id)]) { Markup.text(label) }
    }
}

private extension FormState {
    /// The same values without messages, for the parts of a fieldset that shows its message once.
    var withoutMessages: FormState { FormState(values: values, messages: []) }
}
