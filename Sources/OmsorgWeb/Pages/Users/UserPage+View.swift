import OmsorgDomain
import OmsorgStore

extension UserPage {
    static func renderNew(_ context: PageContext, form: FormState) -> String {
        let texts = context.texts
        let title = texts("users.new-title")
        return PageLayout(context: context, title: title, hasErrors: form.hasErrors, content: Markup.group {
            Forms.errorSummary(form, texts)
            Markup.element("h1") { Markup.text(title) }
            Markup.element("form", [("method", "post"), ("action", "/users"), ("id", "user-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                Forms.textInput("username", label: texts("field.username"), hint: texts("hint.username"), state: form, texts: texts,
                                width: "medium", autocomplete: "off")
                personFields(form, texts)
                passwordInput(form, texts)
                Forms.submit(texts("users.create"), id: "save-user")
            }
            backLink(texts)
        }).render()
    }

    /// The change form, and below it the form that sets a new password; `changedMeanwhile` when
    /// another administrator changed the user after the form was shown (it then shows what is now).
    /// A form shown again with its errors keeps the version it was sent with (`shownVersion`).
    static func renderChange(_ context: PageContext, account: StaffAccount, form: FormState, passwordForm: FormState,
                             shownVersion: Int? = nil, changedMeanwhile: Bool = false) -> String {
        let version = shownVersion ?? account.version
        let texts = context.texts
        let title = texts("users.change-title", ["name": account.user.displayName])
        let errors = FormState(values: [:], messages: form.messages + passwordForm.messages)
        let yesNo = [("true", texts("users.active-yes")), ("false", texts("users.active-no"))]
        return PageLayout(context: context, title: title, hasErrors: errors.hasErrors, content: Markup.group {
            Forms.errorSummary(errors, texts)
            Markup.element("span", [("class", "caption")]) { Markup.text(account.user.username) }
            Markup.element("h1") { Markup.text(title) }
            if changedMeanwhile {
                Markup.element("div", [("class", "notice"), ("id", "user-changed-meanwhile"), ("role", "alert")]) {
                    Markup.text(texts("users.changed-meanwhile"))
                }
            }
            Markup.element("form", [("method", "post"), ("action", "/users/\(account.user.id)"), ("id", "user-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                versionField(version)
                personFields(form, texts)
                Forms.radios("active", legend: texts("field.active"), options: yesNo, hint: texts("hint.active"), state: form, texts: texts,
                             inline: true)
                Forms.submit(texts("users.save"), id: "save-user")
            }
            Markup.element("h2") { Markup.text(texts("users.password-title")) }
            Markup.element("p") { Markup.text(texts("users.password-lead")) }
            Markup.element("form", [("method", "post"), ("action", "/users/\(account.user.id)/password"), ("id", "password-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                versionField(version)
                passwordInput(passwordForm, texts)
                Forms.submit(texts("users.reset-password"), id: "reset-password")
            }
            backLink(texts)
        }).render()
    }

    private static func personFields(_ form: FormState, _ texts: Texts) -> Markup.Fragment {
        Markup.group {
            Forms.textInput("displayName", label: texts("field.displayName"), state: form, texts: texts, autocomplete: "off")
            Forms.radios("role", legend: texts("field.role"), options: Role.allCases.map { ($0.rawValue, texts("role.\($0.rawValue)")) },
                         hint: texts("hint.role"), state: form, texts: texts)
            Forms.textInput("team", label: texts("field.team"), hint: texts("hint.team"), optional: true, state: form, texts: texts,
                            width: "medium", autocomplete: "off")
        }
    }

    /// Never filled in again: a password is not sent back to the browser.
    private static func passwordInput(_ form: FormState, _ texts: Texts) -> Markup.Fragment {
        Forms.textInput("password", label: texts("field.password"), hint: texts("hint.password"),
                        state: FormState(values: [:], messages: form.messages), texts: texts, type: "password", width: "medium",
                        autocomplete: "new-password")
    }

    private static func versionField(_ version: Int) -> Markup.Fragment {
        Markup.void("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
    }

    private static func backLink(_ texts: Texts) -> Markup.Fragment {
        Markup.element("p") {
            Markup.element("a", [("href", "/users"), ("class", "back-link")]) { Markup.text(texts("users.back")) }
        }
    }
}
