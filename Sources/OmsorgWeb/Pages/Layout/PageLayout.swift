import OmsorgDomain
import Plot

/// The frame of every page: the document head, a skip link, the header with navigation, the
/// language switch and sign-out, and the main content.
struct PageLayout {
    let context: PageContext
    let title: String
    /// A page re-shown with errors has a title starting "Fejl:", which screen readers announce first.
    var hasErrors = false
    let content: Markup.Fragment

    func render() -> String {
        let texts = context.texts
        let fullTitle = (hasErrors ? texts("layout.error-prefix") + " " : "") + title + " – " + texts("app.name")
        let document = HTML(
            .attribute(named: "lang", value: texts.language.rawValue),
            .head(
                .encoding(.utf8),
                .element(named: "title", text: fullTitle),
                .viewport(.accordingToDevice, initialScale: 1),
                .stylesheet("/assets/omsorg.css"),
                .script(.src("/assets/omsorg.js"), .attribute(named: "defer"))
            ),
            .body(.raw(body.html))
        )
        return document.render()
    }

    private var body: Markup.Fragment {
        Markup.group {
            Markup.element("a", [("href", "#main"), ("class", "skip-link")]) { Markup.text(context.texts("layout.skip-to-content")) }
            header
            Markup.element("main", [("id", "main"), ("tabindex", "-1")]) { content }
            Markup.element("footer", [("class", "site-footer")]) {
                Markup.element("p") { Markup.text(context.texts("layout.footer")) }
            }
        }
    }

    private var header: Markup.Fragment {
        let texts = context.texts
        return Markup.element("header", [("class", "site-header")]) {
            Markup.element("a", [("href", "/"), ("class", "site-name")]) { Markup.text(texts("app.name")) }
            if let user = context.user {
                Markup.element("nav", [("aria-label", texts("layout.navigation"))]) {
                    Markup.element("ul") {
                        for (key, path) in Self.navigation(for: user.role) {
                            Markup.element("li") {
                                Markup.element("a", [("href", path), ("aria-current", context.path == path ? "page" : nil)]) {
                                    Markup.text(texts(key))
                                }
                            }
                        }
                    }
                }
            }
            Markup.element("div", [("class", "header-tools")]) {
                languageSwitch
                if let user = context.user {
                    Markup.element("span", [("class", "signed-in-as")]) {
                        Markup.text(texts("layout.signed-in-as", ["name": user.displayName]))
                    }
                    Markup.element("form", [("method", "post"), ("action", "/sign-out"), ("class", "inline-form")]) {
                        Forms.csrf(context)
                        Markup.element("button", [("type", "submit"), ("id", "sign-out"), ("class", "button-link")]) {
                            Markup.text(texts("layout.sign-out"))
                        }
                    }
                }
            }
        }
    }

    private var languageSwitch: Markup.Fragment {
        let other = context.texts.language.other
        return Markup.element("form", [("method", "post"), ("action", "/language"), ("class", "inline-form")]) {
            Forms.csrf(context)
            Markup.void("input", [("type", "hidden"), ("name", "language"), ("value", other.rawValue)])
            Markup.void("input", [("type", "hidden"), ("name", "returnTo"), ("value", context.path)])
            Markup.element("button", [("type", "submit"), ("id", "language-switch"), ("class", "button-link"), ("lang", other.rawValue)]) {
                Markup.text(context.texts("layout.switch-language"))
            }
        }
    }

    /// What each role's header offers; roles without case access only have their own start page.
    static func navigation(for role: Role) -> [(String, String)] {
        let model = role.readsModel ? [("nav.model", "/models")] : []
        if role == .administrator { return [("nav.users", "/users")] + model }
        guard role.worksCases else { return [("nav.start", "/worktray")] + model }
        return [("nav.worktray", "/worktray"), ("nav.new-report", "/reports/new"), ("nav.search", "/search"), ("nav.proposals", "/proposals")] + model
    }
}
