import OmsorgDomain
import OmsorgStore

extension FamilyMemberPage {
    static func render(_ context: PageContext, record: CaseRecord, form: FormState) -> String {
        let texts = context.texts
        let yesNo = [("true", texts("common.yes")), ("false", texts("common.no"))]
        return PageLayout(context: context, title: texts("family.title"), hasErrors: form.hasErrors, content: Markup.group {
            Forms.errorSummary(form, texts)
            Markup.element("span", [("class", "caption")]) { Markup.text(record.child.name) }
            Markup.element("h1") { Markup.text(texts("family.title")) }
            Markup.element("form", [("method", "post"), ("action", "/cases/\(record.id)/family-members"), ("id", "family-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                Forms.textInput("name", label: texts("field.name"), state: form, texts: texts)
                Forms.textInput("personNumber", label: texts("field.personNumber"), hint: texts("hint.personNumber"), optional: true,
                                state: form, texts: texts, width: "medium")
                Forms.radios("relation", legend: texts("field.relation"),
                             options: FamilyMember.Relation.allCases.map { ($0.rawValue, texts("choice.relation.\($0.rawValue)")) },
                             state: form, texts: texts)
                Forms.radios("hasCustody", legend: texts("field.hasCustody"), options: yesNo, hint: texts("hint.hasCustody"), state: form,
                             texts: texts, inline: true)
                Forms.radios("livesWithChild", legend: texts("field.livesWithChild"), options: yesNo, state: form, texts: texts, inline: true)
                Forms.textInput("occupation", label: texts("field.occupation"), hint: texts("hint.occupation"), optional: true, state: form,
                                texts: texts)
                Forms.submit(texts("family.submit"), id: "save-family-member")
            }
            Markup.element("p") {
                Markup.element("a", [("href", "/cases/\(record.id)"), ("class", "back-link")]) { Markup.text(texts("step.back")) }
            }
        }).render()
    }
}
