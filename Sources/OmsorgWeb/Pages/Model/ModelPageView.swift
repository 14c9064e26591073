import Foundation
import OmsorgDetection
import OmsorgDomain

/// The model's page: the versions to choose from, and the chosen one's card. The card is written in
/// English (as `model train` writes it), and says so in its `lang`.
struct ModelPageView {
    let context: PageContext
    let model: ModelPage.Model

    func render() -> String {
        let texts = context.texts
        let title = texts("model.title")
        return PageLayout(context: context, title: title, content: Markup.group {
            Markup.element("h1") { Markup.text(title) }
            Markup.element("p", [("class", "lead")]) { Markup.text(texts("model.lead")) }
            if let shown = model.shown {
                versions(shown: shown.number)
                Markup.element("div", [("id", "model-card"), ("class", "model-document"), ("lang", "en")]) {
                    ModelDocumentView(shown.card).content
                }
            } else if let unreadable = model.unreadable {
                versions(shown: unreadable)
                Markup.element("p", [("id", "model-unreadable")]) { Markup.text(texts("model.unreadable", ["version": String(unreadable)])) }
            } else {
                Markup.element("p", [("id", "model-none")]) { Markup.text(texts("model.none")) }
            }
        }).render()
    }

    private func versions(shown: Int) -> Markup.Fragment {
        let texts = context.texts
        return Markup.element("nav", [("aria-label", texts("model.versions")), ("id", "model-versions")]) {
            Markup.element("ul", [("class", "inline-list")]) {
                for version in model.versions {
                    Markup.element("li") {
                        let label = texts("model.version", ["version": String(version.number), "date": texts.date(LocalDate(version.trainedAt))])
                        Markup.element("a", [("href", "/models?version=\(version.number)"), ("aria-current", version.number == shown ? "page" : nil)]) {
                            Markup.text(label)
                        }
                    }
                }
            }
        }
    }
}
