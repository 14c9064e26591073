import OmsorgStore

extension AccessLogPage {
    struct View {
        let context: PageContext
        let model: Model

        func render() -> String {
            let texts = context.texts
            let log = model.log
            let title = texts("access-log.title", ["child": log.child.name])
            return PageLayout(context: context, title: title, content: Markup.group {
                Markup.element("h1") { Markup.text(title) }
                Markup.element("p", [("class", "lead")]) {
                    Markup.text(texts("access-log.summary", ["total": String(log.total), "shown": String(log.entries.count)]))
                }
                Markup.element("table", [("id", "access-log"), ("class", "table")]) {
                    Markup.element("caption", [("class", "visually-hidden")]) { Markup.text(texts("access-log.caption")) }
                    Markup.element("thead") {
                        Markup.element("tr") {
                            for key in ["access-log.when", "access-log.who", "access-log.what", "access-log.why"] {
                                Markup.element("th", [("scope", "col")]) { Markup.text(texts(key)) }
                            }
                        }
                    }
                    Markup.element("tbody") {
                        for entry in log.entries { row(entry) }
                    }
                }
            }).render()
        }

        private func row(_ entry: AccessLogEntry) -> Markup.Fragment {
            let texts = context.texts
            return Markup.element("tr", [("data-action", entry.action)]) {
                Markup.element("td") { Markup.text(texts.instant(entry.at)) }
                Markup.element("td") {
                    Markup.text(entry.bySystem ? texts("access-log.system")
                                : (entry.actorName ?? texts("case.unknown-person")) + " (" + texts("role.\(entry.role.rawValue)") + ")")
                }
                Markup.element("td") { Markup.text(action(entry.action)) }
                Markup.element("td") { Markup.text(texts("access-log.purpose.\(entry.purpose)")) }
            }
        }

        /// A recorded step is named by the step's own title; every other action has its words.
        private func action(_ action: String) -> String {
            let texts = context.texts
            if action.hasPrefix("record-") {
                return texts("access-log.recorded", ["step": texts("step.\(action.dropFirst("record-".count)).title")])
            }
            return texts("access-log.action.\(action)")
        }
    }
}
