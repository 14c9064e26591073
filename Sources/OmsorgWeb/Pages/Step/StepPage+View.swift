import Foundation
import OmsorgDomain

extension StepPage {
    struct View {
        let context: PageContext
        let model: Model

        func render() -> String {
            let texts = context.texts
            let kind = model.step.kind.rawValue
            let title = texts("step.\(kind).title")
            return PageLayout(context: context, title: title, hasErrors: model.form.hasErrors, content: Markup.group {
                Forms.errorSummary(model.form, texts)
                Markup.element("span", [("class", "caption")]) { Markup.text(model.record.child.name) }
                Markup.element("h1") { Markup.text(title) }
                Markup.element("p", [("class", "lead")]) { Markup.text(lawLine) }
                if let blocked = model.blocked {
                    Markup.element("div", [("class", "notice"), ("id", "step-blocked")]) {
                        Markup.element("p") { Markup.text(texts("step.blocked", ["reason": blocked])) }
                    }
                } else {
                    if let intro = texts.optional("step.\(kind).intro") { Markup.element("p") { Markup.text(intro) } }
                    form
                }
                Markup.element("p") {
                    Markup.element("a", [("href", "/cases/\(model.record.id)"), ("class", "back-link")]) { Markup.text(texts("step.back")) }
                }
            }).render()
        }

        private var lawLine: String {
            let texts = context.texts
            let law = texts("step.\(model.step.kind.rawValue).law")
            return model.deadline.map { texts("case.step-due", ["due": texts.due($0), "law": law]) } ?? law
        }

        private var form: Markup.Fragment {
            let texts = context.texts
            return Markup.element("form", [("method", "post"), ("action", "/cases/\(model.record.id)/steps/\(model.step.kind.rawValue)"),
                                           ("id", "step-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                for field in model.step.fields {
                    FieldView(field: field, step: model.step.kind, file: model.record.file, state: model.form, texts: texts).body
                }
                Forms.submit(texts("step.save"), id: "save-step")
            }
        }
    }
}
