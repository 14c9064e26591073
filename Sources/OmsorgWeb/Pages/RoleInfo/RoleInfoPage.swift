import OmsorgDomain

/// The start page for roles without case access: a plain statement of what the role is for here.
enum RoleInfoPage {
    static func render(_ context: PageContext, role: Role) -> String {
        let texts = context.texts
        return PageLayout(context: context, title: texts("role-info.title"), content: Markup.group {
            Markup.element("h1") { Markup.text(texts("role-info.title")) }
            Markup.element("section", [("id", "role-info")]) {
                Markup.element("p") { Markup.text(texts("role-info.role", ["role": texts("role.\(role.rawValue)")])) }
                Markup.element("p") { Markup.text(texts("role-info.\(role.rawValue)")) }
                Markup.element("p") { Markup.text(texts("role-info.no-case-access")) }
            }
        }).render()
    }
}
