
/// The sign-in page: the first page anyone sees.
enum SignInPage {
    static func render(_ context: PageContext, state: FormState = FormState()) -> String {
        let texts = context.texts
        return PageLayout(context: context, title: texts("sign-in.title"), hasErrors: state.hasErrors, content: Markup.group {
            Forms.errorSummary(state, texts)
            Markup.element("h1") { Markup.text(texts("sign-in.title")) }
            Markup.element("p") { Markup.text(texts("sign-in.intro")) }
            Markup.element("form", [("method", "post"), ("action", "/sign-in"), ("id", "sign-in-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                Forms.textInput("username", label: texts("sign-in.username"), state: state, texts: texts, width: "medium",
                                autocomplete: "username")
                Forms.textInput("password", label: texts("sign-in.password"), state: FormState(values: [:], messages: state.messages),
                                texts: texts, type: "password", width: "medium", autocomplete: "current-password")
                Forms.submit(texts("sign-in.submit"), id: "sign-in")
            }
        }).render()
    }

    /// Signed in with a password an administrator set: the user chooses their own, typing the
    /// administrator's again, as no password is ever written into a page.
    static func renderChooseOwnPassword(_ context: PageContext, state: FormState = FormState()) -> String {
        let texts = context.texts
        let typed = FormState(values: [:], messages: state.messages)
        return PageLayout(context: context, title: texts("own-password.title"), hasErrors: state.hasErrors, content: Markup.group {
            Forms.errorSummary(state, texts)
            Markup.element("h1") { Markup.text(texts("own-password.title")) }
            Markup.element("p", [("id", "own-password-intro")]) { Markup.text(texts("own-password.intro")) }
            Markup.element("form", [("method", "post"), ("action", "/sign-in/password"), ("id", "own-password-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                Forms.textInput("username", label: texts("sign-in.username"), state: state, texts: texts, width: "medium", autocomplete: "username")
                Forms.textInput("password", label: texts("own-password.current"), state: typed, texts: texts, type: "password", width: "medium",
                                autocomplete: "current-password")
                Forms.textInput("newPassword", label: texts("own-password.new"), hint: texts("own-password.new-hint"), state: typed, texts: texts,
                                type: "password", width: "medium", autocomplete: "new-password")
                Forms.textInput("newPasswordAgain", label: texts("own-password.again"), state: typed, texts: texts, type: "password", width: "medium",
                                autocomplete: "new-password")
                Forms.submit(texts("own-password.submit"), id: "choose-own-password")
            }
        }).render()
    }
}
