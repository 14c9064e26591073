import OmsorgDomain
import OmsorgStore

/// The administrator's list of the municipality's staff, each with a link to change them.
enum UsersPage {
    /// What the list says after a change was saved.
    enum Notice: String, Sendable {
        case created, changed
        case passwordReset = "password-reset"
    }

    static func render(_ context: PageContext, accounts: [StaffAccount], notice: Notice?) -> String {
        let texts = context.texts
        return PageLayout(context: context, title: texts("users.title"), content: Markup.group {
            Markup.element("h1") { Markup.text(texts("users.title")) }
            if let notice {
                Markup.element("div", [("class", "notice"), ("id", "users-notice"), ("role", "status")]) {
                    Markup.text(texts("users.notice.\(notice.rawValue)"))
                }
            }
            Markup.element("p", [("class", "lead")]) { Markup.text(texts("users.lead")) }
            Markup.element("p") {
                Markup.element("a", [("href", "/users/new"), ("class", "button"), ("id", "new-user")]) { Markup.text(texts("users.new")) }
            }
            table(accounts, texts)
        }).render()
    }

    private static func table(_ accounts: [StaffAccount], _ texts: Texts) -> Markup.Fragment {
        Markup.element("table", [("id", "users"), ("class", "table")]) {
            Markup.element("caption", [("class", "visually-hidden")]) { Markup.text(texts("users.caption")) }
            Markup.element("thead") {
                Markup.element("tr") {
                    for key in ["field.displayName", "field.username", "field.role", "field.team", "users.status", "users.change"] {
                        Markup.element("th", [("scope", "col")]) { Markup.text(texts(key)) }
                    }
                }
            }
            Markup.element("tbody") {
                for account in accounts {
                    Markup.element("tr", [("data-username", account.user.username)]) {
                        Markup.element("td") { Markup.text(account.user.displayName) }
                        Markup.element("td") { Markup.text(account.user.username) }
                        Markup.element("td") { Markup.text(texts("role.\(account.user.role.rawValue)")) }
                        Markup.element("td") { Markup.text(account.user.team ?? "–") }
                        Markup.element("td") { Markup.text(texts(account.isActive ? "users.active" : "users.inactive")) }
                        Markup.element("td") {
                            Markup.element("a", [("href", "/users/\(account.user.id)/edit")]) {
                                Markup.text(texts("users.change-link", ["name": account.user.displayName]))
                            }
                        }
                    }
                }
            }
        }
    }
}
