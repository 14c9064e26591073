
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
}
