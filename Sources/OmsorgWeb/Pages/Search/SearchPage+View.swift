
extension SearchPage {
    struct View {
        let context: PageContext
        let model: Model

        func render() -> String {
            let texts = context.texts
            return PageLayout(context: context, title: texts("search.title"), content: Markup.group {
                Markup.element("h1") { Markup.text(texts("search.title")) }
                Markup.element("form", [("method", "get"), ("action", "/search"), ("role", "search"), ("id", "search-form")]) {
                    Forms.textInput("q", label: texts("search.label"), hint: texts("search.hint"), state: FormState(values: ["q": model.query]),
                                    texts: texts, type: "search")
                    Forms.submit(texts("search.submit"), id: "search")
                }
                if let results = model.results {
                    Markup.element("section", [("id", "results"), ("aria-labelledby", "results-title")]) {
                        Markup.element("h2", [("id", "results-title")]) {
                            Markup.text(texts("search.count", ["count": String(results.count)]))
                        }
                        if results.isEmpty {
                            Markup.element("p") { Markup.text(texts("search.none")) }
                        } else {
                            Markup.element("ul", [("class", "result-list")]) {
                                for result in results {
                                    Markup.element("li") {
                                        Markup.element("a", [("href", "/cases/\(result.id)")]) { Markup.text(result.childName) }
                                        Markup.text(" · " + texts("stage.\(result.stage.rawValue)") + " · "
                                                    + texts("search.opened", ["date": texts.date(.init(result.openedAt))]))
                                    }
                                }
                            }
                        }
                    }
                }
            }).render()
        }
    }
}
