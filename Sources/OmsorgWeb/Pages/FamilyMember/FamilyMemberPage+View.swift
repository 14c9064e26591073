import OmsorgDomain
import OmsorgStore

extension FamilyMemberPage {
    /// The form; with `editing`, filled in to change that member, and `changedMeanwhile` when
    /// someone else changed it after the form was shown (the form then shows what it is now).
    static func render(_ context: PageContext, record: CaseRecord, form: FormState, editing: FamilyMember? = nil, changedMeanwhile: Bool = false) -> String {
        let texts = context.texts
        let yesNo = [("true", texts("common.yes")), ("false", texts("common.no"))]
        let title = texts(editing == nil ? "family.title" : "family.edit-title")
        let action = editing.map { "/cases/\(record.id)/family-members/\($0.id)" } ?? "/cases/\(record.id)/family-members"
        return PageLayout(context: context, title: title, hasErrors: form.hasErrors, content: Markup.group {
            Forms.errorSummary(form, texts)
            Markup.element("span", [("class", "caption")]) { Markup.text(record.child.name) }
            Markup.element("h1") { Markup.text(title) }
            if changedMeanwhile {
                Markup.element("div", [("class", "notice"), ("id", "family-changed-meanwhile"), ("role", "alert")]) {
                    Markup.text(texts("family.changed-meanwhile"))
                }
            }
            Markup.element("form", [("method", "post"), ("action", action), ("id", "family-form"), ("novalidate", "")]) {
                Forms.csrf(context)
                if let editing { Markup.void("input", [("type", "hidden"), ("name", "version"), ("value", String(editing.version))]) }
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
                Forms.submit(texts(editing == nil ? "family.submit" : "family.save-changes"), id: "save-family-member")
            }
            Markup.element("p") {
                Markup.element("a", [("href", "/cases/\(record.id)"), ("class", "back-link")]) { Markup.text(texts("step.back")) }
            }
        }).render()
    }
}
